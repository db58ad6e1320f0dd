using CostSharing.Api.Domain.Agreements;

namespace CostSharing.Api.Domain.Incidents;

/// <summary>
/// Whether an origin city reported within the time its responsibility list sets (domain.md §3.1: late or
/// incomplete reporting is accountable). Recorded when the incident opens; the agreement version is immutable.
/// </summary>
public sealed record ReportingCheck(string CityId, DateTimeOffset ReportedAt, int? ReportWithinHours, DateTimeOffset? DueBy, bool Late)
{
    public static IReadOnlyList<ReportingCheck> For(AgreementTerms terms, string category, DateTimeOffset occurredAt, IEnumerable<Participant> origin) =>
        origin.Where(p => p.ReportedAt is not null).Select(p =>
        {
            var hours = terms.Responsibilities
                .Where(r => r.CityId == p.CityId)
                .SelectMany(r => r.Duties)
                .Where(d => d.ReportWithinHours is not null && (d.Category is null || d.Category == category))
                .Select(d => d.ReportWithinHours)
                .Min();
            var dueBy = hours is null ? (DateTimeOffset?)null : occurredAt.AddHours(hours.Value);
            return new ReportingCheck(p.CityId, p.ReportedAt!.Value, hours, dueBy, dueBy is not null && p.ReportedAt > dueBy);
        }).ToList();
}
