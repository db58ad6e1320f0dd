namespace Platform.Contracts.CostSharing;

/// <summary>A city taking part in an incident, on the origin side (leads, pays the main share) or the affected side.</summary>
public sealed record IncidentParticipant(string CityId, string Side, decimal Weight);

/// <summary>A cross-boundary incident was reported (domain.md §3.1); it keeps the agreement version it opened under.</summary>
[IntegrationEvent("cost-sharing.incident-opened", 1)]
public sealed record IncidentOpened(
    Guid IncidentId,
    string AgreementId,
    int AgreementVersion,
    string Category,
    string Scenario,
    string Title,
    IReadOnlyList<IncidentParticipant> Participants,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, DateTimeOffset> ReportedAtByOriginCity);

[IntegrationEvent("cost-sharing.incident-confirmed", 1)]
public sealed record IncidentConfirmed(Guid IncidentId, DateTimeOffset ConfirmedAt);

/// <summary>The joint response ended; cost claims are due by <paramref name="ClaimDeadline"/>.</summary>
[IntegrationEvent("cost-sharing.incident-closed", 1)]
public sealed record IncidentClosed(Guid IncidentId, DateTimeOffset ClosedAt, DateTimeOffset ClaimDeadline);

/// <summary>The coordinating body approved (all or part of) a city's cost claim. Amounts in yuan, exact to the fen.</summary>
[IntegrationEvent("cost-sharing.claim-approved", 1)]
public sealed record ClaimApproved(
    Guid ClaimId,
    Guid IncidentId,
    string CityId,
    string Currency,
    decimal ClaimedAmount,
    decimal ApprovedAmount,
    decimal InsuranceAndSubsidies,
    DateTimeOffset ApprovedAt);

/// <summary>
/// An origin city's duty to report an incident was measured: reported at <paramref name="ReportedAt"/> against the deadline its
/// responsibility list sets (<paramref name="DueAt"/>). Trust-score records it as a commitment of the city.
/// </summary>
[IntegrationEvent("cost-sharing.origin-report-recorded", 1)]
public sealed record OriginReportRecorded(
    Guid IncidentId,
    string CityId,
    DateTimeOffset OccurredAt,
    DateTimeOffset DueAt,
    DateTimeOffset ReportedAt,
    bool OnTime);
