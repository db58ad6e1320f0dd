using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// One event for one entry stream: a new entry (<see cref="ExpectedVersion"/> null: the stream must not exist) or a
/// decision on an existing one, appended at the version it was decided on plus one.
/// </summary>
public sealed record LedgerChange(Guid Stream, long? ExpectedVersion, object Event)
{
    public static LedgerChange New(EntryPosted posted) => new(posted.EntryId, null, posted);

    public static LedgerChange New(EntryReserved reserved) => new(reserved.EntryId, null, reserved);

    public static LedgerChange Decision(JournalEntry entry, object decision) => new(entry.Id, entry.Version + 1, decision);
}
