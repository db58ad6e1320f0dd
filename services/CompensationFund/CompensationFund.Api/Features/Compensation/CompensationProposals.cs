using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using Marten;

namespace CompensationFund.Api.Features.Compensation;

/// <summary>Loading a proposal for a decision, and the header of the entries a decision posts (why: policy, approvals).</summary>
public static class CompensationProposals
{
    public static async Task<CompensationProposal> RequireAsync(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<CompensationProposal>(id, cancellationToken)
            ?? throw new FundRuleException("Unknown proposal", $"No compensation proposal {id}.");

    public static EntryHeader Header(CompensationProposal p, string kind, string description, HttpContext http) => new(
        kind,
        "CNY",
        description,
        EntrySource.FromRule(p.Policy, p.PolicyVersion, new Dictionary<string, string>
        {
            ["proposalId"] = p.Id.ToString(),
            ["allocationId"] = p.AllocationId.ToString(),
            ["burden"] = Domain.Money.Fen.ToYuan(p.Burden).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tier"] = p.Tier,
            ["grade"] = p.Grade ?? "none",
            ["explanation"] = string.Join(" | ", p.Explanation),
        }) with { Approvals = p.Approvals, RequestedBy = Caller.Name(http), IdempotencyKey = Caller.Source(http).IdempotencyKey });
}
