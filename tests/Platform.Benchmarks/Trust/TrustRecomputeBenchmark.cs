extern alias TrustScoreApi;
using System.Diagnostics;
using TrustScoreApi::TrustScore.Api.Domain;
using TrustScoreApi::TrustScore.Api.Domain.Commitments;
using TrustScoreApi::TrustScore.Api.Domain.Scoring;
using TrustScoreApi::TrustScore.Api.Domain.Supervision;

namespace Platform.Benchmarks.Trust;

/// <summary>
/// The benchmark: recompute every score of an alliance of 500 cities from 200,000 commitments and 20,000 peer reports
/// (verified standing, EigenTrust reporter weights, the Whitby–Jøsang filter, each city's figures), in process, with the
/// same code the service's periodic pass runs. As the service streams the commitments from PostgreSQL and folds each in
/// (<c>AllianceTally</c>), each run streams them from a seeded generator (the same 200,000 every run, built by the domain's
/// own <c>Commitment</c> methods) instead of holding them all. Reports the median wall time (generating the commitments
/// included, and that part alone), the bytes allocated per recompute and the process's peak working set.
/// Goal: under 1 s and under 200 MB.
/// </summary>
internal static class TrustRecomputeBenchmark
{
    public static void Run(int cities, int commitments, int reports, int runs)
    {
        var asOf = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, cities).Select(i => $"city-{i:D4}").ToArray();

        // The reports and findings come from the same random sequence after the commitments, as when all were generated at once.
        var random = new Random(Seed);
        var generated = Evidence(ids, commitments, asOf, random).Count();
        var peer = Enumerable.Range(0, reports).Select(i =>
        {
            var reporter = random.Next(cities);
            var subject = (reporter + 1 + random.Next(cities - 1)) % cities;
            return PeerReport.File(Guid.NewGuid(), ids[reporter], ids[subject], null, random.NextDouble() < 0.8 ? 1 : 0, "r", asOf.AddDays(-random.Next(365)));
        }).ToList();
        var findings = Enumerable.Range(0, cities / 10).Select(i => new SupervisionFinding
        {
            Id = Guid.NewGuid(), CityId = ids[random.Next(cities)], Kind = FindingKind.LateReport, Severity = FindingSeverity.Major, Description = "late",
            FoundBy = "coordinating-body", FoundAt = asOf.AddDays(-random.Next(365)), RecordedAt = asOf.AddDays(-400),
        }).ToList();
        Console.WriteLine($"Trust recompute: {cities} cities, {generated:N0} commitments (streamed), {reports:N0} peer reports, {findings.Count} findings; {Environment.ProcessorCount} cores");

        AllianceTrust last = AllianceAssessment.AssessAll(ids, Evidence(ids, commitments, asOf, new Random(Seed)), findings, peer, asOf, TrustPolicy.Default);
        var times = new List<double>();
        var generating = new List<double>();
        var allocated = new List<long>();
        for (var run = 0; run < runs; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            last = AllianceAssessment.AssessAll(ids, Evidence(ids, commitments, asOf, new Random(Seed)), findings, peer, asOf, TrustPolicy.Default);
            times.Add(clock.Elapsed.TotalMilliseconds);
            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            clock.Restart();
            _ = Evidence(ids, commitments, asOf, new Random(Seed)).Count();
            generating.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        generating.Sort();
        using var process = Process.GetCurrentProcess();
        var tiers = last.Assessments.Values.GroupBy(a => a.Tier).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"  wall time: median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over {runs} runs (generating the commitments alone: median {generating[generating.Count / 2]:F1} ms)");
        Console.WriteLine($"  allocated per recompute: {allocated.Order().ElementAt(allocated.Count / 2) / 1024.0 / 1024.0:F1} MB; peak working set of the process: {process.PeakWorkingSet64 / 1024.0 / 1024.0:F1} MB; managed heap now {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F1} MB");
        Console.WriteLine($"  tiers: {string.Join(", ", tiers)}; filtered reporters: {last.Assessments.Values.Sum(a => a.FilteredReporters)}; reporters with weight: {last.ReporterWeights.Count(w => w.Value > 0)}");
    }

    private const int Seed = 11;

    /// <summary>The commitments, one at a time, from <paramref name="random"/>: the same sequence for the same seed.</summary>
    private static IEnumerable<Commitment> Evidence(string[] ids, int count, DateTimeOffset asOf, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Commitment(i, ids[random.Next(ids.Length)], asOf, random);
        }
    }

    private static Commitment Commitment(int i, string debtor, DateTimeOffset asOf, Random random)
    {
        var due = asOf.AddDays(-random.Next(1, 720));
        var kind = (CommitmentKind)(i % 4);
        var c = TrustScoreApi::TrustScore.Api.Domain.Commitments.Commitment.Open(
            $"c{i}", debtor, ["fund"], kind, TrustPolicy.WeightOf(kind), VerificationSource.ThirdParty, "benchmark", due.AddDays(-15), due);
        var roll = random.NextDouble();
        if (kind is CommitmentKind.Settlement or CommitmentKind.Contribution)
        {
            c.Amount = 10_000m;
            c.SevereIfDefaulted = kind == CommitmentKind.Settlement;
            if (roll < 0.85)
            {
                var late = roll < 0.7 ? 0 : random.Next(1, 60);
                c.RecordPayment(new CommitmentPayment("p", 10_000m, DateOnly.FromDateTime(due.AddDays(late).UtcDateTime), late, due.AddDays(late)), paidInFull: true);
            }
            else
            {
                // Part on time; the rest paid a month late, or (one settlement in a thousand, more contributions) never.
                c.RecordPayment(new CommitmentPayment("p1", 4_000m, DateOnly.FromDateTime(due.UtcDateTime), 0, due), paidInFull: false);
                if (roll < 0.999 && (kind == CommitmentKind.Settlement || roll < 0.95))
                {
                    c.RecordPayment(new CommitmentPayment("p2", 6_000m, DateOnly.FromDateTime(due.AddDays(30).UtcDateTime), 30, due.AddDays(30)), paidInFull: true);
                }
                else
                {
                    c.DefaultIfOverdue(due.AddDays(8), TimeSpan.FromDays(7));
                }
            }
        }
        else
        {
            c.Settle(roll < 0.8 ? 1 : roll < 0.95 ? 0.5 : 0, due.AddHours(roll < 0.8 ? -1 : 5), "settled");
        }

        return c;
    }
}
