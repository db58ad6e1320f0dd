using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Platform.Benchmarks.Gateway;

/// <summary>
/// Two loads. Closed loop: <c>concurrency</c> callers, each sending the next request as soon as the previous answered,
/// which finds the capacity. Open loop: requests at a fixed rate whatever the answers do, latency counted from when
/// each request was due (so a stall is not hidden by the requests it delayed), which measures a given load.
/// A non-200 answer aborts the run: a benchmark of errors measures nothing.
/// </summary>
internal sealed class LoadRun(Uri target, string path, string token, int concurrency)
{
    public async Task<Sample> RunAsync(TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = target };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var own = latencies[worker] = new List<double>(100_000);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{target}{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        return new Sample([.. latencies.SelectMany(l => l)], clock.Elapsed);
    }

    public async Task<Sample> RunAtRateAsync(int perSecond, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = target };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var count = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[count];
        var inFlight = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{target}{path} answered {(int)response.StatusCode}");
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return new Sample([.. latencies], clock.Elapsed);
    }
}

/// <summary>The latencies (ms) of one or more runs against one target, and the time they took.</summary>
internal sealed record Sample(List<double> LatenciesMs, TimeSpan Elapsed)
{
    public double Throughput => LatenciesMs.Count / Elapsed.TotalSeconds;

    public Sample Add(Sample other) => new([.. LatenciesMs, .. other.LatenciesMs], Elapsed + other.Elapsed);

    public double Percentile(double q)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
