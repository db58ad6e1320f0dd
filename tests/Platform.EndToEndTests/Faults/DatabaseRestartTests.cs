using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Faults;

/// <summary>
/// PostgreSQL stopped at once (immediate shutdown, as a crash or a fail-over) under the stream and started again a few
/// seconds later. While it is away every request is answered quickly, with 503 problem details saying when to come
/// back, never a hang or a 500; the clients' retries with the same <c>Idempotency-Key</c> succeed once it is back, and
/// each request's effect is there exactly once.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class DatabaseRestartTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>
    /// A behavioural bound, not a benchmark: an answer that takes longer is a client left hanging on a dead connection or
    /// an unbounded wait (the fast answers here take milliseconds; the bound leaves room for a loaded machine).
    /// </summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RequestsFailFastWhileTheDatabaseIsDownAndTheirRetriesApplyOnceAfterwards()
    {
        var region = await platform.ReadyAsync();
        var incidents = await region.PrepareIncidentsAsync(platform, "database", 3);
        var workload = new FaultWorkload(platform, "database", incidents, TimeSpan.FromSeconds(3));
        using var stop = new CancellationTokenSource();
        var stream = workload.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(1));
        await platform.StopPostgresAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
        }
        finally
        {
            await platform.StartPostgresAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await stream;

        var attempts = workload.Attempts;
        output.WriteLine($"{attempts.Count} requests; answers: {string.Join(", ", attempts.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}; slowest {attempts.Max(a => a.Elapsed).TotalMilliseconds:F0} ms");
        foreach (var sample in attempts.Where(a => a.Status == 503).DistinctBy(a => a.Detail.Length > 80 ? a.Detail[..80] : a.Detail).Take(5))
        {
            output.WriteLine($"503 (Retry-After {sample.RetryAfter}): {sample.Detail}");
        }

        Assert.Empty(workload.Failures);
        Assert.DoesNotContain(attempts, a => a.Status == 500);
        Assert.All(attempts, a => Assert.True(a.Elapsed < FailFast, $"{a.Operation} took {a.Elapsed}: {a.Status} {a.Detail}"));
        var unavailable = attempts.Where(a => a.Status == 503).ToList();
        Assert.NotEmpty(unavailable);
        Assert.All(unavailable, a =>
        {
            Assert.Equal("application/problem+json", a.MediaType);
            Assert.True(a.RetryAfter > TimeSpan.Zero, $"a 503 says when to come back: {a.Detail}");
        });
        Assert.Contains(workload.Retried, r => r.Operation == "post" && r.Answers.Contains(503) && r.Answers[^1] == 201);
        await ExactlyOnce.AssertAsync(platform);
    }
}
