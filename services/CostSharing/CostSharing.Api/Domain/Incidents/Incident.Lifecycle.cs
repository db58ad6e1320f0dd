using CostSharing.Api.Domain.Allocation;

namespace CostSharing.Api.Domain.Incidents;

/// <summary>The lifecycle transitions; each refuses to run from the wrong state with the reason.</summary>
public sealed partial class Incident
{
    /// <param name="inputs">Rule inputs for participants that lack them (an escalated warning's incident); only participants, and a contribution weight only for an origin city.</param>
    public void Confirm(DateTimeOffset now, IReadOnlyList<ParticipantInputs>? inputs = null)
    {
        Require(IncidentStatus.Reported, "be confirmed");

        // Every input is checked before any is applied: a refused confirmation leaves the participants as they were.
        var given = inputs ?? [];
        foreach (var input in given)
        {
            var participant = Participants.Find(p => p.CityId == input.CityId)
                ?? throw new RuleViolationException("Not a participant", $"{input.CityId} does not take part in incident {Id}; rule inputs are given for its participants only.");
            if (input.ContributionWeight is not null && participant.Side != Side.Origin)
            {
                throw new RuleViolationException("Not an origin city", $"{input.CityId} is on the affected side of incident {Id}; only origin cities carry a contribution weight.");
            }
        }

        Participants = [.. Participants.Select(p => given.FirstOrDefault(i => i.CityId == p.CityId)?.ApplyTo(p) ?? p)];
        Status = IncidentStatus.Confirmed;
        ConfirmedAt = now;
    }

    /// <summary>The joint response ended at <paramref name="closedAt"/>; claims are due <paramref name="claimDeadlineDays"/> later.</summary>
    public void CloseResponse(DateTimeOffset closedAt, int claimDeadlineDays, DateTimeOffset now)
    {
        Require(IncidentStatus.Confirmed, "have its response closed");
        if (closedAt < OccurredAt || closedAt > now)
        {
            throw new RuleViolationException("Invalid closing time", $"The response must close between the occurrence ({OccurredAt:O}) and now.");
        }

        Status = IncidentStatus.ResponseClosed;
        ResponseClosedAt = closedAt;
        ClaimDeadline = closedAt.AddDays(claimDeadlineDays);
    }

    /// <summary>
    /// No more claims or amendments. Allowed once every pending claim is decided and either the deadline has
    /// passed or every participating city has filed, so no city loses time the agreement gave it.
    /// </summary>
    public void FinalizeCosts(int pendingClaims, IReadOnlyCollection<string> citiesThatFiled, DateTimeOffset now)
    {
        Require(IncidentStatus.ResponseClosed, "have its costs finalized");
        if (pendingClaims > 0)
        {
            throw new RuleViolationException("Claims still pending", $"{pendingClaims} cost claim(s) await a decision; approve or reject them first.", conflict: true);
        }

        var waiting = CityIds.Where(c => !citiesThatFiled.Contains(c)).ToList();
        if (now <= ClaimDeadline && waiting.Count > 0)
        {
            throw new RuleViolationException(
                "Claim deadline still open",
                $"{string.Join(", ", waiting)} may still file until {ClaimDeadline:O}; finalize after the deadline or once every city has filed.",
                conflict: true);
        }

        Status = IncidentStatus.CostsFinalized;
        CostsFinalizedAt = now;
    }

    public void RecordAllocation(Guid allocationId, DateTimeOffset now)
    {
        if (Status == IncidentStatus.Allocated)
        {
            throw new RuleViolationException(
                "Allocation already finalized",
                $"Incident {Id} already has the finalized allocation {CurrentAllocationId}; it is immutable, so correct it with a superseding allocation.",
                conflict: true);
        }

        Require(IncidentStatus.CostsFinalized, "be allocated");
        Status = IncidentStatus.Allocated;
        AllocatedAt = now;
        CurrentAllocationId = allocationId;
    }

    public void RecordCorrection(Guid supersededId, Guid allocationId)
    {
        Require(IncidentStatus.Allocated, "have its allocation corrected");
        if (CurrentAllocationId != supersededId)
        {
            throw new RuleViolationException("Not the allocation in force", $"Allocation {supersededId} is not the one in force ({CurrentAllocationId}).", conflict: true);
        }

        CurrentAllocationId = allocationId;
    }

    public void Settle(DateTimeOffset now)
    {
        Require(IncidentStatus.Allocated, "be settled");
        Status = IncidentStatus.Settled;
        SettledAt = now;
    }

    /// <summary>Claims may be filed or amended once the incident is confirmed, until its costs are finalized and not after the deadline.</summary>
    public void RequireOpenForClaims(DateTimeOffset now)
    {
        if (Status is not (IncidentStatus.Confirmed or IncidentStatus.ResponseClosed))
        {
            throw new RuleViolationException("Not open for claims", $"Claims are accepted while the incident is confirmed or its response closed; it is {IncidentStatusNames.Of(Status)}.", conflict: true);
        }

        if (ClaimDeadline is { } deadline && now > deadline)
        {
            throw new RuleViolationException("Claim deadline passed", $"The claim deadline for incident {Id} passed at {deadline:O}; claims and amendments are no longer accepted.");
        }
    }

    private void Require(IncidentStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new RuleViolationException(
                "Wrong incident state",
                $"Incident {Id} is {IncidentStatusNames.Of(Status)}; only a {IncidentStatusNames.Of(expected)} incident may {action}.",
                conflict: true);
        }
    }
}
