using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Features.Entries;

public sealed record LineResponse(string Account, string Side, decimal Amount)
{
    public static IReadOnlyList<LineResponse> From(IEnumerable<JournalLine> lines) =>
        [.. lines.Select(l => new LineResponse(l.Account, SideNames.Of(l.Side), Fen.ToYuan(l.Amount)))];
}

/// <summary>
/// An entry as the ledger holds it: its lines as first recorded, what is posted now (less after a partial post,
/// nothing while pending or after a void), its status, links to a reversal, and why it exists.
/// </summary>
public sealed record EntryResponse(
    Guid EntryId,
    string Kind,
    string Status,
    string Currency,
    DateOnly ValueDate,
    DateTimeOffset RecordedAt,
    string Description,
    string? Reference,
    Guid? Reverses,
    Guid? ReversedBy,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<LineResponse> Lines,
    IReadOnlyList<LineResponse> PostedLines,
    EntrySource Source,
    long Version)
{
    public static EntryResponse From(JournalEntry e) => new(
        e.Id,
        e.Header.Kind,
        e.Status.ToString().ToLowerInvariant(),
        e.Header.Currency,
        e.ValueDate,
        e.RecordedAt,
        e.Header.Description,
        e.Header.Reference,
        e.Header.Reverses,
        e.ReversedBy,
        e.ExpiresAt,
        LineResponse.From(e.Lines),
        LineResponse.From(e.PostedLines),
        e.Header.Source,
        e.Version);

    /// <summary>The entry after <paramref name="next"/> events are appended to what <paramref name="before"/> folded.</summary>
    public static EntryResponse After(JournalEntry before, params object[] next) => From(JournalEntry.Fold([.. before.History, .. next]));

    public static EntryResponse Of(object first) => From(JournalEntry.Fold([first]));
}
