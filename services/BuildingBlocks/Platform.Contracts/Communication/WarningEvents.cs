namespace Platform.Contracts.Communication;

/// <summary>
/// A risk warning (CAP 1.2 <c>alert</c>) was issued, updated or cancelled (<paramref name="MsgType"/>: <c>Alert</c>, <c>Update</c>,
/// <c>Cancel</c>; an update or cancel names the warnings it replaces in <paramref name="References"/>). <paramref name="Level"/> is the
/// four-colour level (<c>blue</c>, <c>yellow</c>, <c>orange</c>, <c>red</c>); <paramref name="ReachedCityIds"/> are the cities named in
/// the area plus those the exposure graph reaches from the sender (docs/domain.md §3.5).
/// </summary>
[IntegrationEvent("communication.warning-issued", 1)]
public sealed record WarningIssued(
    Guid WarningId,
    string Identifier,
    string SenderCityId,
    string MsgType,
    string Category,
    string Level,
    string Event,
    IReadOnlyList<string> ReachedCityIds,
    IReadOnlyList<Guid> References,
    DateTimeOffset Sent,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires);

/// <summary>
/// A reached city's duty to acknowledge a warning was settled: <paramref name="Outcome"/> is <c>on-time</c>, <c>late</c> or
/// <c>missed</c> (no acknowledgement by the deadline; <paramref name="AcknowledgedAt"/> is then null). Trust-score records it as
/// a commitment of the city (weight by level).
/// </summary>
[IntegrationEvent("communication.acknowledgement-recorded", 1)]
public sealed record WarningAcknowledgementRecorded(
    Guid WarningId,
    string CityId,
    string Level,
    DateTimeOffset DueAt,
    DateTimeOffset? AcknowledgedAt,
    string Outcome);

/// <summary>
/// The coordinating body found that a city concealed a warning or issued it late (<paramref name="Kind"/>: <c>concealed</c> or
/// <c>late</c>), with a severity (<c>minor</c>, <c>major</c>, <c>severe</c>). Trust-score records it as a vertical finding.
/// </summary>
[IntegrationEvent("communication.warning-misconduct-found", 1)]
public sealed record WarningMisconductFound(
    Guid FindingId,
    Guid? WarningId,
    string CityId,
    string Kind,
    string Severity,
    string Description,
    DateTimeOffset FoundAt);

/// <summary>
/// A warning was escalated into an incident: cost-sharing opens a reported incident with the sender as origin and the reached cities
/// as candidate affected cities, for the coordinating body to confirm. <paramref name="Category"/> uses cost-sharing's risk categories.
/// </summary>
[IntegrationEvent("communication.warning-escalated", 1)]
public sealed record WarningEscalated(
    Guid WarningId,
    string SenderCityId,
    string Category,
    string Level,
    string Event,
    string Headline,
    IReadOnlyList<string> CandidateAffectedCityIds,
    DateTimeOffset Sent,
    DateTimeOffset EscalatedAt);
