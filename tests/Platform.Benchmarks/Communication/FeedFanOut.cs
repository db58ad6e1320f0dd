using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;
using Platform.Testing;

namespace Platform.Benchmarks.Communication;

/// <summary>
/// Fan-out of one warning to many live feeds: <c>clients</c> SSE connections to communication (a Release process,
/// against a local PostgreSQL and the embedded broker), spread over <c>cities</c> reached cities; one warning naming them all is
/// issued per round, and each connection's delivery latency is taken from just before the POST to the event's arrival. Reports
/// p50/p99/max per round and the service's resident memory idle, with the connections open, and after the rounds.
/// </summary>
public static class FeedFanOut
{
    public static async Task RunAsync(int clients, int cities, int rounds)
    {
        await using var postgres = await LocalPostgresServer.StartAsync();
        using var broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        TestInfrastructure.CreateTopics(broker, "bench");
        await postgres.CreateDatabaseAsync("fanout_bench");
        await using var service = new ServiceProcess("communication", "services/Communication/Communication.Api", new Dictionary<string, string>
        {
            ["ConnectionStrings__postgres"] = postgres.ConnectionString("fanout_bench"),
            ["Kafka__BootstrapServers"] = broker.BootstrapServers,
            ["Messaging__Namespace"] = "bench",
            ["Auth__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        service.Start();
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var idle = service.WorkingSetBytes;

        var names = Enumerable.Range(1, cities).Select(i => $"bench-city-{i:D3}").ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var feeds = new List<SseClient>();
        for (var i = 0; i < clients; i++)
        {
            var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = service.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.City(names[i % cities]));
            feeds.Add(await SseClient.ConnectAsync(client, "/api/communication/feed"));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var connected = service.WorkingSetBytes;
        using var sender = new HttpClient { BaseAddress = service.BaseAddress };
        sender.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.City("bench-sender"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fan-out benchmark: 1 warning to {clients} SSE connections over {cities} reached cities, {rounds} rounds; client, service and PostgreSQL share {Environment.ProcessorCount} cores"));
        var p99s = new List<double>();
        for (var round = 1; round <= rounds + 1; round++)
        {
            var arrivals = feeds.Select(async f => await f.NextAsync(TimeSpan.FromSeconds(30)) is null ? (long?)null : Stopwatch.GetTimestamp()).ToList();
            var start = Stopwatch.GetTimestamp();
            using var response = await sender.PostAsJsonAsync("/api/communication/warnings", new
            {
                category = "natural-disaster", level = "red", @event = "Flood", headline = $"round {round}", area = new { cityIds = names },
            });
            var posted = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            var latencies = (await Task.WhenAll(arrivals)).OfType<long>().Select(t => (t - start) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
            if (round == 1)
            {
                continue; // warm-up: JIT, connection pools, the hub's first read
            }

            p99s.Add(Percentile(latencies, 0.99));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round - 1}: delivered {latencies.Length}/{clients}; POST {posted:0.0} ms; latency p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {(latencies.Length > 0 ? latencies[^1] : double.NaN):0.0} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  median p99 over rounds: {p99s.Order().ElementAt(p99s.Count / 2):0.0} ms (goal < 500 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  service resident memory: idle {Mb(idle)} MiB, {clients} feeds open {Mb(connected)} MiB ({(Mb(connected) - Mb(idle)) * 1024 / clients:0.0} KiB per feed), after the rounds {Mb(service.WorkingSetBytes)} MiB"));
        foreach (var feed in feeds)
        {
            await feed.DisposeAsync();
        }
    }

    private static double Mb(long? bytes) => Math.Round((bytes ?? 0) / 1024.0 / 1024.0, 1);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
