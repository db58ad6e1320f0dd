using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Accounts;

/// <summary>
/// An account's limits changed: from what, to what, why, and who agreed (every person of the quorum). One stream per
/// account (<see cref="StreamFor"/>), so the account's limit history is an audit trail, never an overwritten value.
/// </summary>
public sealed record AccountLimitChanged(
    string AccountId, long? FloorBefore, long? CeilingBefore, long? Floor, long? Ceiling, string? Reason, IReadOnlyList<Approval> ApprovedBy, DateTimeOffset ChangedAt)
{
    public static Guid StreamFor(string accountId) => EntryIds.ForReference("account-limits:" + accountId);
}
