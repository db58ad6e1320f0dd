namespace TrustScore.Api.Domain.Scoring;

public static partial class TrustCalculation
{
    /// <summary>
    /// Peer reports about the city at <paramref name="asOf"/>: each reporter's reports combined (decayed), the
    /// Whitby–Jøsang filter applied, each kept opinion discounted by its reporter's weight; the net complaint counts.
    /// </summary>
    internal static (List<ContributingItem> Items, List<FilteredReport> Filtered, double NetNegative) PeerEvidence(
        CityEvidence evidence, DateTimeOffset asOf, TrustPolicy policy)
    {
        var reports = evidence.ReportsAbout
            .Where(p => p.SubjectCityId == evidence.CityId && p.ReporterCityId != evidence.CityId && p.InForceAt(asOf))
            .ToList();
        if (reports.Count == 0)
        {
            return ([], [], 0);
        }

        var opinions = reports.GroupBy(p => p.ReporterCityId, StringComparer.Ordinal)
            .Select(g => new ReporterOpinion(
                g.Key,
                g.Sum(p => p.Fulfilment * policy.Forgetting.Decay(p.FiledAt, asOf)),
                g.Sum(p => (1 - p.Fulfilment) * policy.Forgetting.Decay(p.FiledAt, asOf)),
                g.Count()))
            .OrderBy(o => o.ReporterCityId, StringComparer.Ordinal)
            .ToList();
        var (_, filteredOut) = QuantileFilter.Apply(opinions, policy.FilterQuantile);
        var filteredReporters = filteredOut.Select(f => f.Opinion.ReporterCityId).ToHashSet(StringComparer.Ordinal);
        var items = new List<ContributingItem>();
        double keptR = 0, keptS = 0;
        foreach (var report in reports.Where(p => !filteredReporters.Contains(p.ReporterCityId)))
        {
            var discount = evidence.ReporterWeights.GetValueOrDefault(report.ReporterCityId);
            var decay = policy.Forgetting.Decay(report.FiledAt, asOf);
            var r = discount * decay * report.Fulfilment;
            var s = discount * decay * (1 - report.Fulfilment);
            keptR += r;
            keptS += s;
            items.Add(new ContributingItem(
                "peer-report", report.Id.ToString(), "peer-report", report.FiledAt, 1, report.Fulfilment, decay, "peer", discount, r, s,
                report.ReporterCityId, "Counts only as part of the net complaint; praise never raises a score above the verified evidence."));
        }

        var filtered = filteredOut.Select(f => new FilteredReport(
            f.Opinion.ReporterCityId, f.Opinion.Reports, f.Opinion.R, f.Opinion.S, f.Consensus, f.Lower, f.Upper, f.Reason)).ToList();
        return (items, filtered, Math.Max(0, keptS - keptR));
    }
}
