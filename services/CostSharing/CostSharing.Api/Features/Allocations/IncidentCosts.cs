using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Claims;
using CostSharing.Api.Domain.Incidents;
using Marten;

namespace CostSharing.Api.Features.Allocations;

/// <summary>An incident's allocation as it stands now: from its agreement version and its decided claims.</summary>
internal sealed record IncidentCosts(AllocationDraft Draft, int PendingClaims, SettlementTerms Settlement)
{
    /// <summary>
    /// Reads the agreement version the incident opened under and its claims, and computes the allocation.
    /// Pending claims are left out (and counted): only decided costs are shared.
    /// </summary>
    public static async Task<IncidentCosts> ComputeAsync(IQuerySession session, Incident incident, CancellationToken cancellationToken)
    {
        var agreement = await session.LoadAsync<Agreement>(incident.AgreementId, cancellationToken)
            ?? throw new InvalidOperationException($"Agreement {incident.AgreementId} of incident {incident.Id} is missing.");
        var terms = agreement.Version(incident.AgreementVersion)!.Terms;
        var rule = terms.Rules[incident.Category];
        var claims = await session.Query<CostClaim>().Where(c => c.IncidentId == incident.Id).ToListAsync(cancellationToken);
        var figures = claims
            .Where(c => !c.IsPending)
            .Select(c => new ClaimFigures(c.SpendingCityId, c.ClaimedAmount, c.ApprovedAmount ?? 0m, c.Insurance + c.Subsidies, c.NetApprovedSpend))
            .ToList();
        var basis = new AllocationBasis(incident.AgreementId, incident.AgreementVersion, incident.Category, rule, incident.Currency);
        var draft = AllocationDraft.Compute(basis, incident.Parties(), figures);
        return new IncidentCosts(draft, claims.Count(c => c.IsPending), terms.Settlement);
    }
}
