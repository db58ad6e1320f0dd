using System.Globalization;
using System.Text;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Domain.Banking;

/// <summary>One line of a bank statement: money in (positive) or out (negative), in fen.</summary>
public sealed record BankLine(int LineNumber, DateOnly Date, long Amount, string Payer, string Reference, string BankReference);

/// <summary>
/// Reads a bank statement exported as CSV (RFC 4180: comma-separated, double quotes around fields that hold commas,
/// quotes or line breaks). The header names the columns: <c>date,amount,payer,reference,bank_reference</c>, in any order;
/// dates are ISO 8601, amounts yuan exact to the fen, the bank reference unique per transaction.
/// </summary>
public static class BankStatementCsv
{
    public static readonly string[] Columns = ["date", "amount", "payer", "reference", "bank_reference"];

    public static (IReadOnlyList<BankLine> Lines, IReadOnlyList<string> Problems) Parse(string text)
    {
        var rows = Rows(text).Where(r => r.Fields.Count > 1 || r.Fields[0].Length > 0).ToList();
        if (rows.Count == 0)
        {
            return ([], ["The statement is empty."]);
        }

        var header = rows[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], [$"The header lacks {string.Join(", ", missing)}; expected {string.Join(",", Columns)}."]);
        }

        var lines = new List<BankLine>();
        var problems = new List<string>();
        foreach (var (number, fields) in rows.Skip(1))
        {
            string Field(string name) => header.IndexOf(name) is var i && i < fields.Count ? fields[i].Trim() : string.Empty;
            if (!DateOnly.TryParseExact(Field("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"Line {number}: date '{Field("date")}' is not yyyy-MM-dd.");
            }
            else if (!decimal.TryParse(Field("amount"), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan)
                || !Fen.TryFromYuan(yuan, out var fen) || fen == 0)
            {
                problems.Add($"Line {number}: amount '{Field("amount")}' is not a non-zero amount of yuan exact to the fen.");
            }
            else if (Field("bank_reference").Length == 0)
            {
                problems.Add($"Line {number}: bank_reference is empty.");
            }
            else
            {
                lines.Add(new BankLine(number, date, fen, Field("payer"), Field("reference"), Field("bank_reference")));
            }
        }

        var duplicates = lines.GroupBy(l => l.BankReference, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        problems.AddRange(duplicates.Select(d => $"bank_reference '{d}' appears more than once."));
        return (lines, problems);
    }

    private static IEnumerable<(int Number, List<string> Fields)> Rows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var number = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    number += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                yield return (start, fields);
                fields = [];
                field.Clear();
                start = ++number;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
