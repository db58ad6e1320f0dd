using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;
using IncidentParticipantContract = Platform.Contracts.CostSharing.IncidentParticipant;
using Platform.Contracts.CostSharing;

namespace CostSharing.Api.Integration;

/// <summary>What the community learns of an incident's lifecycle (architecture.md §2: incident opened/closed).</summary>
internal static class IncidentEvents
{
    public static IncidentOpened ToOpened(this Incident i, AllocationRule rule) => new(
        i.Id, i.AgreementId, i.AgreementVersion, i.Category, i.Scenario, i.Title,
        i.Participants.Select(p => new IncidentParticipantContract(p.CityId, RuleNames.Of(p.Side), p.PublishedWeight(rule))).ToList(),
        i.OccurredAt,
        i.Participants.Where(p => p.ReportedAt is not null).ToDictionary(p => p.CityId, p => p.ReportedAt!.Value, StringComparer.Ordinal));

    /// <summary>
    /// Each origin city's reporting measured against its responsibility list's deadline (domain.md §3.1), for trust-score;
    /// an origin city whose list sets no reporting deadline has nothing to measure and gets none.
    /// </summary>
    public static IEnumerable<OriginReportRecorded> ToOriginReports(this Incident i) =>
        i.Reporting.Where(r => r.DueBy is not null).Select(r => new OriginReportRecorded(i.Id, r.CityId, i.OccurredAt, r.DueBy!.Value, r.ReportedAt, !r.Late));

    public static IncidentConfirmed ToConfirmed(this Incident i) => new(i.Id, i.ConfirmedAt!.Value);

    public static IncidentClosed ToClosed(this Incident i) => new(i.Id, i.ResponseClosedAt!.Value, i.ClaimDeadline!.Value);
}
