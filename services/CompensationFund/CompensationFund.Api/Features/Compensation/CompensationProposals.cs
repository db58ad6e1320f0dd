using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Idempotency;

namespace CompensationFund.Api.Features.Compensation;

/// <summary>Loading a proposal for a decision, the header of the entries a decision posts (why: policy, approvals), and committing the decision.</summary>
public static class CompensationProposals
{
    public static async Task<CompensationProposal> RequireAsync(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<CompensationProposal>(id, cancellationToken)
            ?? throw new RecordNotFoundException($"No compensation proposal {id}.");

    public static EntryHeader Header(CompensationProposal p, string kind, string description, HttpContext http, IReadOnlyList<Approval>? approvals = null) => new(
        kind,
        Currencies.Cny,
        description,
        EntrySource.FromRule(p.Policy, p.PolicyVersion, new Dictionary<string, string>
        {
            ["proposalId"] = p.Id.ToString(),
            ["allocationId"] = p.AllocationId.ToString(),
            ["burden"] = Domain.Money.Fen.ToYuan(p.Burden).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tier"] = p.Tier,
            ["grade"] = p.Grade ?? "none",
            ["explanation"] = string.Join(" | ", p.Explanation),
        }) with { Approvals = approvals ?? p.Approvals, RequestedBy = Caller.Name(http), IdempotencyKey = Caller.Source(http).IdempotencyKey });

    /// <summary>
    /// A compensation reservation is held until the coordinating body decides on it: it never lapses on its own,
    /// so it is kept out of the expiry sweeper and carries no deadline.
    /// </summary>
    public static EntryReserved Reserve(EntryDraft draft, Guid entryId, DateTimeOffset now) => draft.Reserve(entryId, now, DateTimeOffset.MaxValue);

    public static async Task<IResult> CommitAsync(
        CompensationProposal proposal, IReadOnlyList<LedgerChange> changes, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        ledger.Record(session, changes);
        session.Store(proposal);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, CompensationResponse.From(proposal));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
