using System.Diagnostics;
using System.Globalization;

namespace Platform.Benchmarks.Propagation;

/// <summary>
/// End-to-end propagation at a steady load on the whole platform (Release processes, durable PostgreSQL, the embedded
/// broker): a region of <c>cities</c> members, then <c>incidents</c> incidents started at a fixed rate (open loop: the
/// next one starts when it is due, whatever the earlier ones do), each driven through the gateway to a finalized
/// allocation (<see cref="IncidentDriver"/>) and watched until the fund has posted its settlement and proposed its
/// compensation and trust-score has opened its settlement commitment (<see cref="PropagationProbe"/>). Reports p50/p99
/// per consequence, and each process's resident memory at rest (region loaded, before the load) and at its peak under
/// the load. Numbers are reported, never asserted.
/// </summary>
public static class PropagationBenchmark
{
    public static async Task RunAsync(int cities, int incidents, double perMinute)
    {
        if (cities < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(cities), "An incident takes three cities.");
        }

        var setup = Stopwatch.StartNew();
        await using var platform = await BenchmarkPlatform.StartAsync();
        var started = setup.Elapsed;
        using var api = new GatewayApi(platform.Gateway.BaseAddress);
        var agreementId = await RegionSetup.CreateAsync(api, cities);
        var regionLoaded = setup.Elapsed - started;

        // At rest: the region's member events consumed everywhere, then a quiet moment for start-up work to settle.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var atRest = RssSampler.Now(platform.Processes);

        var interval = TimeSpan.FromMinutes(1 / perMinute);
        var results = new List<(FinalizedAllocation Allocation, Propagated Times)>();
        var load = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            var running = new List<Task>();
            for (var i = 0; i < incidents; i++)
            {
                var wait = interval * i - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var index = i;
                running.Add(Task.Run(async () =>
                {
                    var allocation = await IncidentDriver.DriveAsync(api, agreementId, cities, index);
                    var times = await PropagationProbe.WatchAsync(api, allocation, TimeSpan.FromMinutes(5));
                    lock (results)
                    {
                        results.Add((allocation, times));
                    }
                }));
            }

            await Task.WhenAll(running);
            return clock.Elapsed;
        });
        var peak = await new RssSampler(platform.Processes).PeakWhileAsync(load);
        var loadTime = await load;
        var afterLoad = RssSampler.Now(platform.Processes);

        Report(cities, incidents, perMinute, started, regionLoaded, loadTime, results, atRest, peak, afterLoad);
    }

    private static void Report(
        int cities, int incidents, double perMinute, TimeSpan started, TimeSpan regionLoaded, TimeSpan loadTime,
        List<(FinalizedAllocation Allocation, Propagated Times)> results, Dictionary<string, double> atRest, Dictionary<string, double> peak, Dictionary<string, double> afterLoad)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c,
            $"propagation benchmark: {cities} cities, {incidents} incidents at {perMinute} per minute (open loop), each driven through the gateway to a finalized allocation; {Environment.ProcessorCount} cores shared by the client, 6 processes, PostgreSQL (fsync on) and the broker"));
        Console.WriteLine(string.Create(c, $"  platform started in {started.TotalSeconds:F0} s; region of {cities} cities registered and known to fund and trust in {regionLoaded.TotalSeconds:F1} s; load ran {loadTime.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(c, $"  {"after allocation finalized",-40} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"n",5}"));
        foreach (var (name, pick) in new (string, Func<Propagated, double>)[]
        {
            ("settlement posted (fund, recordedAt)", t => t.SettlementMs),
            ("compensation proposed (fund, recordedAt)", t => t.CompensationMs),
            ("commitment created (trust, polled 50 ms)", t => t.CommitmentMs),
        })
        {
            var values = results.Select(r => pick(r.Times)).ToList();
            Console.WriteLine(string.Create(c, $"  {name,-40} {Percentile(values, 0.5),8:F0} {Percentile(values, 0.99),8:F0} {values.Max(),8:F0} {values.Count,5}"));
        }

        var drives = results.Select(r => r.Allocation.DriveMs).ToList();
        Console.WriteLine(string.Create(c, $"  {"(driving one incident: 11 calls)",-40} {Percentile(drives, 0.5),8:F0} {Percentile(drives, 0.99),8:F0} {drives.Max(),8:F0} {drives.Count,5}"));
        Console.WriteLine("  resident memory (VmRSS, MiB)");
        Console.WriteLine(string.Create(c, $"  {"process",-20} {"at rest",8} {"peak",8} {"after",8}"));
        foreach (var name in atRest.Keys)
        {
            Console.WriteLine(string.Create(c, $"  {name,-20} {atRest[name],8:F0} {peak[name],8:F0} {afterLoad[name],8:F0}"));
        }

        Console.WriteLine(string.Create(c, $"  {"total",-20} {atRest.Values.Sum(),8:F0} {peak.Values.Sum(),8:F0} {afterLoad.Values.Sum(),8:F0}"));
    }

    /// <summary>Nearest-rank percentile: with fewer than 100 values, p99 is the largest.</summary>
    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
