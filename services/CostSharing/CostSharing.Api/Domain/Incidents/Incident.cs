using CostSharing.Api.Domain.Allocation;
using Platform.Contracts;

namespace CostSharing.Api.Domain.Incidents;

/// <summary>
/// A cross-boundary incident: reported → confirmed → response closed → costs finalized → allocated →
/// settled (docs/cost-sharing.md, Lifecycle). It keeps the agreement version it opened under, whatever versions come later.
/// </summary>
public sealed partial class Incident
{
    public Guid Id { get; set; }

    public string AgreementId { get; set; } = string.Empty;

    public int AgreementVersion { get; set; }

    /// <summary>The agreement's currency: every claim and allocation of the incident is in it.</summary>
    public string Currency { get; set; } = Currencies.Cny;

    public string Category { get; set; } = string.Empty;

    public string Scenario { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public List<Participant> Participants { get; set; } = [];

    /// <summary>Every participating city's id, so a city's incidents can be found with one index-friendly query.</summary>
    public List<string> CityIds { get; set; } = [];

    public IncidentStatus Status { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? ResponseClosedAt { get; set; }

    public DateTimeOffset? ClaimDeadline { get; set; }

    public DateTimeOffset? CostsFinalizedAt { get; set; }

    public DateTimeOffset? AllocatedAt { get; set; }

    public DateTimeOffset? SettledAt { get; set; }

    /// <summary>Each origin city's report against its reporting duty.</summary>
    public List<ReportingCheck> Reporting { get; set; } = [];

    /// <summary>The allocation in force; a correction replaces it with one that supersedes it.</summary>
    public Guid? CurrentAllocationId { get; set; }

    public static Incident Open(IncidentDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        AgreementId = details.AgreementId,
        AgreementVersion = details.AgreementVersion,
        Category = details.Category,
        Scenario = details.Scenario,
        Title = details.Title,
        Description = details.Description,
        Participants = [.. details.Participants.OrderBy(p => p.CityId, StringComparer.Ordinal)],
        CityIds = [.. details.Participants.Select(p => p.CityId).Order(StringComparer.Ordinal)],
        OccurredAt = details.OccurredAt,
        OpenedAt = now,
        Status = IncidentStatus.Reported,
    };

    public bool TakesPart(string? cityId) => cityId is not null && CityIds.Contains(cityId, StringComparer.Ordinal);

    public IReadOnlyList<AllocationParty> Parties() => Participants.Select(p => p.ToParty()).ToList();
}

/// <summary>What the coordinating body reports when opening an incident, already validated.</summary>
public sealed record IncidentDetails(
    string AgreementId, int AgreementVersion, string Category, string Scenario, string Title, string? Description,
    DateTimeOffset OccurredAt, IReadOnlyList<Participant> Participants);
