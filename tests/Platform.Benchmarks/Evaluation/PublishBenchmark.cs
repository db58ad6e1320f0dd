extern alias EvaluationApi;
using System.Diagnostics;
using System.Net.Http.Headers;
using EvaluationApi::Evaluation.Api.Domain.Criteria;
using EvaluationApi::Evaluation.Api.Domain.Rounds;
using EvaluationApi::Evaluation.Api.Domain.Scoring;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;
using Platform.Testing;

namespace Platform.Benchmarks.Evaluation;

/// <summary>
/// Publishing an evaluation round of <c>subjects × criteria × assessors</c> (300 × 12 × 25, goal under 1 s): the
/// results calculation in process (group scores, inflation, composite, Krippendorff's α over the panel, TOPSIS), then
/// POST …/publish through the real API on durable PostgreSQL (fsync on), which loads every assessment, computes, stores
/// the immutable results and enqueues the events in one transaction. Time and memory are reported, never asserted.
/// </summary>
public static class PublishBenchmark
{
    public static async Task RunAsync(int subjects, int criteria, int assessors, int rounds)
    {
        Console.WriteLine($"evaluation publish benchmark: {subjects} subjects × {criteria} criteria × {assessors} assessors per subject ({assessors - 2} third-party evaluators, the coordinating body, the city itself)");
        var (rules, sheets) = Round(subjects, criteria, assessors, new Random(42));
        Console.WriteLine($"  {sheets.Count} assessments, {sheets.Sum(s => s.Scores.Count)} scores");

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var times = Enumerable.Range(0, 5).Select(_ => Time(() => RoundCalculation.Compute(rules, sheets))).Order().ToList();
        var perRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 5.0;
        var results = RoundCalculation.Compute(rules, sheets);
        Console.WriteLine($"  calculation in process: median {times[2]:F1} ms (min {times[0]:F1}), {perRun / 1024 / 1024:F1} MiB allocated per run; α = {results.Alpha:F3}, {results.Subjects.Count(s => s.Inflation is not null)} inflated");

        await using var postgres = await LocalPostgresServer.StartAsync(durable: true);
        using var broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        TestInfrastructure.CreateTopics(broker, "bench");
        await postgres.CreateDatabaseAsync("evaluation");
        Environment.SetEnvironmentVariable(
            "ASPNETCORE_TEST_CONTENTROOT_EVALUATION_API", Path.Combine(RepositoryRoot.Path, "services", "Evaluation", "Evaluation.Api"));
        await using var service = new ServiceFactory<EvaluationApi::Program>(postgres.ConnectionString("evaluation"), broker.BootstrapServers, "bench");
        service.Settings["Logging:LogLevel:Default"] = "Warning";
        service.Start();
        using var http = service.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(5);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Coordinator());
        var store = service.Services.GetRequiredService<IDocumentStore>();

        var publishes = new List<double>();
        for (var n = 0; n < rounds; n++)
        {
            var roundId = await SeedAsync(store, rules, subjects, criteria, assessors, n);
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var peakBefore = process.PeakWorkingSet64;
            long size = 0;
            var elapsed = await TimeAsync(async () =>
            {
                using var response = await http.PostAsync($"/api/evaluation/rounds/{roundId}/publish", null);
                size = (await response.Content.ReadAsByteArrayAsync()).Length;
                response.EnsureSuccessStatusCode();
            });
            process.Refresh();
            publishes.Add(elapsed);
            Console.WriteLine($"  publish {n + 1}: {elapsed:F0} ms, answered {size / 1024.0:F0} KiB, {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024:F0} MiB allocated, " +
                $"process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:F0} MiB (was {peakBefore / 1024.0 / 1024:F0} MiB before)");
        }

        Console.WriteLine($"  publish (POST …/publish, PostgreSQL fsync=on): median {publishes.Order().ElementAt(publishes.Count / 2):F0} ms (min {publishes.Min():F0}, {publishes.Count} rounds)");
    }

    private static (RoundRules Rules, List<ScoreSheet> Sheets) Round(int subjects, int criteria, int assessors, Random random)
    {
        var leaves = Enumerable.Range(0, criteria).Select(i => new LeafCriterion($"k{i:D2}", $"Criterion {i}", $"Criterion {i}", 1.0 / criteria)).ToList();
        var cities = Enumerable.Range(0, subjects - 1).Select(i => new Subject($"city-{i:D4}", Subject.City, $"City {i}")).ToList();
        List<Subject> all = [.. cities, new Subject(Subject.CoordinatingBodyId, Subject.CoordinatingBody, "Coordinating body")];
        var evaluators = Enumerable.Range(0, assessors - 2).Select(i => new EvaluatorAssignment($"evaluator-{i:D2}", [.. all.Select(s => s.Id)])).ToList();
        var rules = new RoundRules(leaves, all, GroupWeights.Default, evaluators, InflationPolicy.Default, IncentiveSchedule.Default);
        var sheets = new List<ScoreSheet>();
        foreach (var subject in all)
        {
            var level = random.Next(40, 96);
            Dictionary<string, decimal> Scores(int spread) => leaves.ToDictionary(l => l.Id, _ => (decimal)Math.Clamp(level + random.Next(-spread, spread + 1), 0, 100));
            sheets.AddRange(evaluators.Select(e => new ScoreSheet(subject.Id, AssessorGroup.ThirdParty, e.EvaluatorId, Scores(4))));
            sheets.Add(new ScoreSheet(subject.Id, AssessorGroup.Coordinator, Subject.CoordinatingBodyId, Scores(6)));
            if (subject.IsCity)
            {
                sheets.Add(new ScoreSheet(subject.Id, AssessorGroup.Self, subject.Id, random.Next(10) == 0 ? leaves.ToDictionary(l => l.Id, _ => 100m) : Scores(5)));
            }
        }

        return (rules, sheets);
    }

    /// <summary>A closed round with every assessment written straight into the store (bulk insert), ready to publish.</summary>
    private static async Task<Guid> SeedAsync(IDocumentStore store, RoundRules rules, int subjects, int criteria, int assessors, int seed)
    {
        var (_, sheets) = Round(subjects, criteria, assessors, new Random(seed));
        var now = DateTimeOffset.UtcNow;
        var round = new EvaluationRound
        {
            Id = Guid.CreateVersion7(), Kind = EvaluationRound.ParticipantKind, Period = "2026", Title = "benchmark", FrameworkId = "bench", FrameworkVersion = 1,
            Criteria = [.. rules.Criteria], Subjects = [.. rules.Subjects], Evaluators = [.. rules.Evaluators], Deadline = now.AddDays(1),
            Status = RoundStatus.Closed, OpenedBy = "benchmark", OpenedAt = now, ClosedAt = now,
        };
        await using (var session = store.LightweightSession())
        {
            session.Store(round);
            await session.SaveChangesAsync();
        }

        await store.BulkInsertAsync(sheets.Select(s => Assessment.Submit(
            round.Id, s.SubjectId, s.Group, s.AssessorId, new AssessmentContent(s.Scores, new Dictionary<string, string>(), []), now)).ToList());
        return round.Id;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }
}
