using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Features.Banking;

public sealed record ImportedLineResponse(
    int Line, DateOnly Date, decimal Amount, string Payer, string Reference, string BankReference, string Status, string? CityId, Guid? EntryId, string Detail,
    Guid? LineId);

/// <summary>An imported statement: every line with its status, and the counts finance looks at first.</summary>
public sealed record ImportResponse(Guid Id, DateTimeOffset ImportedAt, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ImportedLineResponse> Lines)
{
    public static string Name(BankLineStatus status) => status.ToString().ToLowerInvariant();

    public static ImportResponse From(BankStatementImport import) => new(
        import.Id,
        import.ImportedAt,
        import.Lines.GroupBy(l => Name(l.Status)).ToDictionary(g => g.Key, g => g.Count()),
        [.. import.Lines.Select(l => new ImportedLineResponse(
            l.LineNumber, l.Date, Fen.ToYuan(l.Amount), l.Payer, l.Reference, l.BankReference, Name(l.Status), l.CityId, l.EntryId, l.Detail, l.LineId))]);
}

/// <summary>
/// One bank transaction as it stands now (<c>status</c>: matched, unmatched, conflicting, outgoing), with the import and
/// line it last came in on and, for a hand match, who matched it and when.
/// </summary>
public sealed record BankLineResponse(
    Guid Id, string BankReference, DateOnly Date, decimal Amount, string Payer, string Reference, string Status, string? CityId, Guid? EntryId,
    string Detail, Guid ImportId, int Line, string? MatchedBy, DateTimeOffset? MatchedAt)
{
    public static string Name(BankLineState state) => state.ToString().ToLowerInvariant();

    public static BankLineResponse From(BankLineRecord r) => new(
        r.Id, r.BankReference, r.Date, Fen.ToYuan(r.Amount), r.Payer, r.Reference, Name(r.State), r.CityId, r.EntryId, r.Detail, r.ImportId, r.LineNumber,
        r.MatchedBy, r.MatchedAt);
}
