namespace TrustScore.Api.Domain.Supervision;

/// <summary>
/// Rate limits on peer reports, so no city floods another's record or the consensus the filter compares against:
/// at most <see cref="PerSubject"/> reports on one city per <see cref="Window"/>, and <see cref="PerDay"/> in all per day.
/// </summary>
public sealed record PeerReportLimit(int PerSubject, TimeSpan Window, int PerDay)
{
    public static PeerReportLimit Default { get; } = new(3, TimeSpan.FromDays(30), 20);

    /// <summary>When the reporter may file again, or null when it may now.</summary>
    public DateTimeOffset? RetryAfter(IReadOnlyCollection<PeerReport> byReporter, string subject, DateTimeOffset now)
    {
        var onSubject = byReporter.Where(r => r.SubjectCityId == subject && r.FiledAt > now - Window).OrderBy(r => r.FiledAt).ToList();
        if (onSubject.Count >= PerSubject)
        {
            return onSubject[onSubject.Count - PerSubject].FiledAt + Window;
        }

        var today = byReporter.Where(r => r.FiledAt > now - TimeSpan.FromDays(1)).OrderBy(r => r.FiledAt).ToList();
        return today.Count >= PerDay ? today[today.Count - PerDay].FiledAt + TimeSpan.FromDays(1) : null;
    }
}
