using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Incidents;
using Platform.Contracts;

namespace CostSharing.Api.Domain.Claims;

/// <summary>
/// A city's claim for what it spent responding to an incident. Amendments and decisions never overwrite
/// silently: each one is appended to <see cref="History"/>.
/// </summary>
/// <remarks>
/// Implementation note, the claim deadline: a claim may be filed (<see cref="CostClaim.File"/>) or amended
/// (<see cref="Amend"/>) only while <see cref="Incident.RequireOpenForClaims"/> allows it — from confirmation
/// until the incident's <see cref="Incident.ClaimDeadline"/>, which <see cref="Incident.CloseResponse"/> sets to the
/// close of the response plus the agreement's <see cref="AgreementTerms.ClaimDeadlineDays"/>; the costs are
/// finalized once it has passed or every city has filed (<see cref="Incident.FinalizeCosts"/>). The rule lives
/// on the incident because the deadline is one date for all of the incident's claims, and finalizing the costs
/// reads it too; the claim itself only records what was filed and decided.
/// </remarks>
public sealed class CostClaim
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public string CityId { get; set; } = string.Empty;

    public string Currency { get; set; } = Currencies.Cny;

    public List<ClaimLine> Lines { get; set; } = [];

    /// <summary>Paid by insurers for these costs; not eligible for sharing (domain.md §4.2).</summary>
    public decimal Insurance { get; set; }

    /// <summary>Outside subsidies (central funds, donors) for these costs; not eligible either.</summary>
    public decimal Subsidies { get; set; }

    public ClaimStatus Status { get; set; }

    public decimal? ApprovedAmount { get; set; }

    public string? DecisionReason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public int Revision { get; set; }

    /// <summary>The accepted mutual aid this claim is for, filed by its provider.</summary>
    public Guid? AidId { get; set; }

    /// <summary>
    /// Who reimburses an aid claim: the city that requested the aid (EMAC). The allocation counts the cost as that city's spend,
    /// since it pays the provider; null for a city's own costs.
    /// </summary>
    public string? AidRequesterCityId { get; set; }

    /// <summary>The city whose spend this claim is in the allocation.</summary>
    public string SpendingCityId => AidRequesterCityId ?? CityId;

    public List<ClaimRevision> History { get; set; } = [];

    public DateTimeOffset FiledAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public decimal ClaimedAmount => Lines.Sum(l => l.Amount);

    public bool IsPending => Status == ClaimStatus.Submitted;

    /// <summary>
    /// What this claim adds to the net eligible cost: the approved amount less insurance and subsidies, never
    /// below zero (costs others already paid for are nobody's to share; an overpaid city gains nothing).
    /// </summary>
    public decimal NetApprovedSpend =>
        Status is ClaimStatus.Approved or ClaimStatus.PartlyApproved ? Math.Max(0m, ApprovedAmount!.Value - Insurance - Subsidies) : 0m;

    public static CostClaim File(Guid incidentId, string cityId, string currency, ClaimContent content, DateTimeOffset now) =>
        new CostClaim { Id = Guid.CreateVersion7(now), IncidentId = incidentId, CityId = cityId, Currency = currency, FiledAt = now }
            .Record(content, "filed", now, cityId);

    /// <summary>A changed claim goes back to the coordinating body for a fresh decision.</summary>
    public void Amend(ClaimContent content, DateTimeOffset now, string by)
    {
        Status = ClaimStatus.Submitted;
        ApprovedAmount = null;
        DecisionReason = null;
        DecidedAt = null;
        Record(content, "amended", now, by);
    }

    public void Decide(ClaimDecision decision, DateTimeOffset now, string by)
    {
        if (!IsPending)
        {
            throw new RuleViolationException("Claim already decided", $"Claim {Id} was already decided ({Status}); the city must amend it before it can be decided again.", conflict: true);
        }

        if (decision.Status == ClaimStatus.PartlyApproved && decision.ApprovedAmount >= ClaimedAmount)
        {
            throw new RuleViolationException("Part approval too large", $"A part approval must be below the claimed {ClaimedAmount}; approve in full instead.");
        }

        Status = decision.Status;
        ApprovedAmount = decision.Status switch
        {
            ClaimStatus.Approved => ClaimedAmount,
            ClaimStatus.PartlyApproved => decision.ApprovedAmount,
            _ => 0m,
        };
        DecisionReason = decision.Reason;
        DecidedAt = now;
        UpdatedAt = now;
        Revision++;
        History.Add(new ClaimRevision(Revision, "decided", Lines, Insurance, Subsidies, Status, ApprovedAmount, DecisionReason, now, by));
    }

    /// <summary>
    /// The coordinating body corrects a decision after the costs were finalized (an audit finding, a court
    /// ruling); the allocation in force is then corrected by a superseding one.
    /// </summary>
    public void Revise(ClaimDecision decision, DateTimeOffset now, string by)
    {
        if (IsPending)
        {
            throw new RuleViolationException("Claim not decided", $"Claim {Id} awaits its first decision; decide it instead of revising it.", conflict: true);
        }

        Status = ClaimStatus.Submitted;
        Decide(decision, now, by);
        History[^1] = History[^1] with { Change = "revised" };
    }

    private CostClaim Record(ClaimContent content, string change, DateTimeOffset now, string by)
    {
        Lines = [.. content.Lines];
        Insurance = content.Insurance;
        Subsidies = content.Subsidies;
        UpdatedAt = now;
        Revision++;
        History.Add(new ClaimRevision(Revision, change, Lines, Insurance, Subsidies, Status, null, content.Note, now, by));
        return this;
    }
}

/// <summary>The content a city files or amends, already validated.</summary>
public sealed record ClaimContent(IReadOnlyList<ClaimLine> Lines, decimal Insurance, decimal Subsidies, string? Note);

/// <summary>Approve in full, in part (an amount below the claimed one), or reject; part and reject need a reason.</summary>
public sealed record ClaimDecision(ClaimStatus Status, decimal ApprovedAmount, string? Reason);
