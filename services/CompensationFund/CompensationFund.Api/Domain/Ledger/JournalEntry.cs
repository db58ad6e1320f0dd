namespace CompensationFund.Api.Domain.Ledger;

public enum EntryStatus
{
    Posted,
    Pending,
    Voided,
    Expired,
}

/// <summary>
/// An entry's state, folded from its stream, and the decisions that may follow it: a reservation is posted
/// (in full or, with two lines, in part), voided or expires; a posted entry is reversed once.
/// </summary>
/// <remarks>
/// Implementation note: the decisions return the next event and leave the appending to the caller, who appends
/// it at <see cref="Version"/> + 1; of two concurrent decisions on one entry only one can append there.
/// </remarks>
public sealed class JournalEntry
{
    private JournalEntry(Guid id, EntryHeader header, DateOnly valueDate, DateTimeOffset recordedAt, IReadOnlyList<JournalLine> lines)
    {
        (Id, Header, ValueDate, RecordedAt, Lines, PostedLines) = (id, header, valueDate, recordedAt, lines, lines);
    }

    public Guid Id { get; }

    public EntryHeader Header { get; }

    public DateOnly ValueDate { get; }

    public DateTimeOffset RecordedAt { get; }

    /// <summary>The lines as first posted or reserved.</summary>
    public IReadOnlyList<JournalLine> Lines { get; }

    /// <summary>What is posted now: the lines, a partial post of a reservation, or nothing for a voided one.</summary>
    public IReadOnlyList<JournalLine> PostedLines { get; private set; }

    public EntryStatus Status { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public Guid? ReversedBy { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyList<object> History { get; private set; } = [];

    public static JournalEntry Fold(IReadOnlyList<object> events)
    {
        var entry = (events.Count > 0 ? events[0] : null) switch
        {
            EntryPosted p => new JournalEntry(p.EntryId, p.Header, p.ValueDate, p.RecordedAt, p.Lines) { Status = EntryStatus.Posted },
            EntryReserved r => new JournalEntry(r.EntryId, r.Header, r.ValueDate, r.RecordedAt, r.Lines)
            {
                Status = EntryStatus.Pending, ExpiresAt = r.ExpiresAt, PostedLines = [],
            },
            _ => throw new ArgumentException("An entry's stream starts with EntryPosted or EntryReserved.", nameof(events)),
        };
        foreach (var e in events.Skip(1))
        {
            entry.Apply(e);
        }

        entry.Version = events.Count;
        entry.History = events;
        return entry;
    }

    public ReservationPosted Post(long? amount, DateOnly valueDate, DateTimeOffset now, string by)
    {
        EnsurePending(now, "posted");
        IReadOnlyList<JournalLine> posted = Lines;
        if (amount is { } partial && partial != Lines.Sum(l => l.Side == LineSide.Debit ? l.Amount : 0))
        {
            if (Lines.Count != 2)
            {
                throw new FundRuleException("Partial post needs two lines", "Only a two-line reservation can be posted in part; post this one in full or void it.");
            }

            if (partial <= 0 || partial > Lines[0].Amount)
            {
                throw new FundRuleException("Amount out of range", $"A partial post is more than zero and at most the reserved {Money.Fen.ToYuan(Lines[0].Amount)}.");
            }

            posted = [.. Lines.Select(l => l with { Amount = partial })];
        }

        return new ReservationPosted(Id, valueDate, now, Lines, posted, by);
    }

    public ReservationVoided Void(string reason, DateOnly valueDate, DateTimeOffset now, string by)
    {
        EnsurePending(now, "voided");
        return new ReservationVoided(Id, valueDate, now, Lines, reason, by, Expired: false);
    }

    /// <summary>Releases a reservation whose time ran out; null when it is no longer pending or has time left.</summary>
    public ReservationVoided? Expire(DateOnly valueDate, DateTimeOffset now) =>
        Status == EntryStatus.Pending && ExpiresAt <= now
            ? new ReservationVoided(Id, valueDate, now, Lines, "expired", "fund", Expired: true)
            : null;

    /// <summary>The reversal entry (the posted lines on the other side) and the marker for this entry's stream.</summary>
    public (EntryPosted Reversal, EntryReversed Marker) Reverse(Guid reversalId, string reason, DateOnly valueDate, DateTimeOffset now, EntrySource source)
    {
        if (Status != EntryStatus.Posted || PostedLines.Count == 0)
        {
            throw new FundRuleException("Nothing to reverse", $"Entry {Id} is {Status.ToString().ToLowerInvariant()}: only a posted entry can be reversed (void a pending reservation instead).", conflict: true);
        }

        if (ReversedBy is { } earlier)
        {
            throw new FundRuleException("Already reversed", $"Entry {Id} was already reversed by entry {earlier}.", conflict: true);
        }

        if (Header.Reverses is not null)
        {
            throw new FundRuleException("A reversal is final", $"Entry {Id} is itself a reversal; post a new entry instead of reversing it.");
        }

        var header = new EntryHeader(EntryKinds.Reversal, Header.Currency, $"Reversal of {Id}: {reason}", source, Reverses: Id);
        var reversal = new EntryPosted(reversalId, valueDate, now, header, [.. PostedLines.Select(l => l.Opposite())]);
        return (reversal, new EntryReversed(Id, reversalId, now, reason, source.RequestedBy ?? "fund"));
    }

    private void EnsurePending(DateTimeOffset now, string verb)
    {
        if (Status != EntryStatus.Pending)
        {
            throw new FundRuleException("Not pending", $"Entry {Id} is {Status.ToString().ToLowerInvariant()}, so it cannot be {verb}.", conflict: true);
        }

        if (ExpiresAt <= now)
        {
            throw new FundRuleException("Reservation expired", $"Reservation {Id} expired at {ExpiresAt:O}; its money is released.", conflict: true);
        }
    }

    private void Apply(object e)
    {
        switch (e)
        {
            case ReservationPosted p:
                Status = EntryStatus.Posted;
                PostedLines = p.Posted;
                break;
            case ReservationVoided v:
                Status = v.Expired ? EntryStatus.Expired : EntryStatus.Voided;
                break;
            case EntryReversed r:
                ReversedBy = r.ReversalEntryId;
                break;
        }
    }
}
