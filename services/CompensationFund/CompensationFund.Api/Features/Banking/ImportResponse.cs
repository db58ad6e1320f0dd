using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Features.Banking;

public sealed record ImportedLineResponse(
    int Line, DateOnly Date, decimal Amount, string Payer, string Reference, string BankReference, string Status, string? CityId, Guid? EntryId, string Detail);

/// <summary>An imported statement: every line with its status, and the counts finance looks at first.</summary>
public sealed record ImportResponse(Guid Id, DateTimeOffset ImportedAt, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ImportedLineResponse> Lines)
{
    public static string Name(BankLineStatus status) => status.ToString().ToLowerInvariant();

    public static ImportResponse From(BankStatementImport import) => new(
        import.Id,
        import.ImportedAt,
        import.Lines.GroupBy(l => Name(l.Status)).ToDictionary(g => g.Key, g => g.Count()),
        [.. import.Lines.Select(l => new ImportedLineResponse(
            l.LineNumber, l.Date, Fen.ToYuan(l.Amount), l.Payer, l.Reference, l.BankReference, Name(l.Status), l.CityId, l.EntryId, l.Detail))]);
}
