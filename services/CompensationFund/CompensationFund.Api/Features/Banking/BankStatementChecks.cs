using System.Globalization;
using System.Text.RegularExpressions;
using CompensationFund.Api.Domain.Banking;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Banking;

/// <summary>
/// Every line of a statement is checked before anything is looked up or posted: a line that cannot be read,
/// carries control characters, is dated after today or into a closed period refuses the whole file, naming each such
/// line, and nothing is written. Field errors are keyed <c>line {n}</c> (the file's line number, header = 1).
/// </summary>
public static partial class BankStatementChecks
{
    public static RequestValidation Read(IReadOnlyList<BankLine> lines, IReadOnlyList<string> problems, DateOnly today)
    {
        var validation = new RequestValidation();
        foreach (var problem in problems)
        {
            var match = LinePrefix().Match(problem);
            validation.Add(match.Success ? $"line {match.Groups[1].Value}" : "statement", problem);
        }

        foreach (var line in lines)
        {
            var field = $"line {line.LineNumber.ToString(CultureInfo.InvariantCulture)}";
            validation.Require(line.Date <= today, field, $"Line {line.LineNumber}: date {line.Date:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}) in the ledger's time zone.");
            validation.Require(
                new[] { line.Payer, line.Reference, line.BankReference }.All(PlainText.IsPlain) && line.BankReference.Length <= 200,
                field,
                $"Line {line.LineNumber}: payer, reference and bank_reference are plain text (no control characters or bidirectional marks), the bank reference at most 200 characters.");
        }

        return validation;
    }

    /// <summary>Lines dated into a closed period: a 422 naming them, since posting them would be refused at commit anyway.</summary>
    public static IResult? ClosedPeriod(IReadOnlyList<BankLine> lines, DateOnly? closedThrough)
    {
        var closed = closedThrough is { } through ? lines.Where(l => l.Date <= through).Select(l => l.LineNumber).ToList() : [];
        return closed.Count == 0
            ? null
            : Problems.Unprocessable(
                "Period closed",
                $"Line(s) {string.Join(", ", closed)} are dated into a closed period (closed through {closedThrough:yyyy-MM-dd}); nothing was imported. Date the correction in an open period.");
    }

    [GeneratedRegex(@"^Line (\d+):")]
    private static partial Regex LinePrefix();
}
