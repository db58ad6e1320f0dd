namespace CompensationFund.Api.Domain.Ledger;

/// <summary>
/// An event of an entry's stream that may move money. Each carries the lines it moves, so balances are a fold
/// of the event log with no lookups (docs/compensation-fund.md §3).
/// </summary>
public interface ILedgerEvent
{
    Guid EntryId { get; }

    DateOnly ValueDate { get; }

    DateTimeOffset RecordedAt { get; }
}

/// <summary>The header every new entry carries, posted at once or reserved.</summary>
public sealed record EntryHeader(
    string Kind, string Currency, string Description, EntrySource Source, string? Reference = null, Guid? Reverses = null);

/// <summary>An entry posted in one step.</summary>
public sealed record EntryPosted(
    Guid EntryId, DateOnly ValueDate, DateTimeOffset RecordedAt, EntryHeader Header, IReadOnlyList<JournalLine> Lines) : ILedgerEvent;

/// <summary>The first phase of a two-phase entry: the lines are held in the pending counters until posted, voided or expired.</summary>
public sealed record EntryReserved(
    Guid EntryId, DateOnly ValueDate, DateTimeOffset RecordedAt, EntryHeader Header, IReadOnlyList<JournalLine> Lines, DateTimeOffset ExpiresAt)
    : ILedgerEvent;

/// <summary>A reservation was posted: <see cref="Released"/> leaves the pending counters, <see cref="Posted"/> (all or less) is posted.</summary>
public sealed record ReservationPosted(
    Guid EntryId, DateOnly ValueDate, DateTimeOffset RecordedAt, IReadOnlyList<JournalLine> Released, IReadOnlyList<JournalLine> Posted, string PostedBy)
    : ILedgerEvent;

/// <summary>A reservation was released without posting anything: by a decision, or because it expired.</summary>
public sealed record ReservationVoided(
    Guid EntryId, DateOnly ValueDate, DateTimeOffset RecordedAt, IReadOnlyList<JournalLine> Released, string Reason, string VoidedBy, bool Expired)
    : ILedgerEvent;

/// <summary>Marks the original entry as reversed by <see cref="ReversalEntryId"/>; the reversal entry carries the lines.</summary>
public sealed record EntryReversed(Guid EntryId, Guid ReversalEntryId, DateTimeOffset RecordedAt, string Reason, string ReversedBy);
