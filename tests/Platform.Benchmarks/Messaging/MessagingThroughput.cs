using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Contracts;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;
using Platform.Messaging;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Testing;

namespace Platform.Benchmarks.Messaging;

/// <summary>
/// Events per second through outbox → relay → broker → inbox, with the relay's latency (commit to Kafka
/// acknowledgement, from the outbox rows) and the end-to-end latency (commit to applied) as percentiles.
/// PostgreSQL runs with fsync and synchronous_commit on: the durable settings money needs.
/// </summary>
public static class MessagingThroughput
{
    private static readonly ConcurrentBag<double> EndToEndMs = [];
    private static int _applied;
    private static int _outOfOrder;

    /// <summary>A sensor's reading applied after a later one of the same sensor: per-key order broken.</summary>
    public static void RecordOutOfOrder() => Interlocked.Increment(ref _outOfOrder);

    public static void RecordApplied(DateTimeOffset occurredAt)
    {
        EndToEndMs.Add((DateTimeOffset.UtcNow - occurredAt).TotalMilliseconds);
        Interlocked.Increment(ref _applied);
    }

    public static async Task RunAsync(int events, int writers)
    {
        await using var postgres = await LocalPostgresServer.StartAsync(durable: true);
        using var broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        TestInfrastructure.CreateTopics(broker, "bench");

        await postgres.CreateDatabaseAsync("bench");
        var app = await StartServiceAsync(postgres.ConnectionString("bench") + Environment.GetEnvironmentVariable("BENCHMARK_CONNECTION_EXTRA"), broker.BootstrapServers);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var outbox = app.Services.GetRequiredService<EventOutbox>();

        var started = Stopwatch.StartNew();
        // Warm-up: enough events for the hot paths to reach optimised (tier-1) code before the clock starts.
        await WriteAsync(store, outbox, WarmUpEvents, writers, offset: 0);
        await WaitAppliedAsync(WarmUpEvents);
        var settled = await WaitGroupSettledAsync(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MessagingOptions>>().Value.ConsumerWorkers);
        var settledAfter = started.Elapsed;
        EndToEndMs.Clear();
        Interlocked.Exchange(ref _applied, 0);
        Interlocked.Exchange(ref _outOfOrder, 0);
        await TruncateOutboxAsync(postgres.ConnectionString("bench"));

        Written = events;
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var timeline = SampleAppliedAsync(sampling.Token);
        await WriteAsync(store, outbox, events, writers, offset: MainRunOffset);
        var committed = clock.Elapsed;
        await WaitAppliedAsync(events);
        var total = clock.Elapsed;
        await sampling.CancelAsync();
        var perSecond = await timeline;

        var relay = await RelayLatencyAsync(postgres.ConnectionString("bench"));
        var e2e = EndToEndMs.Order().ToArray();
        Console.WriteLine($"messaging benchmark: {events} events, {writers} concurrent writers, 1 broker x 4 partitions, PostgreSQL fsync=on synchronous_commit=on");
        Console.WriteLine($"  consumer group {(settled ? "settled" : "NOT settled")} (every worker holding a partition) {settledAfter.TotalSeconds:F1} s after start; measured from then");
        Console.WriteLine($"  commit (one event per transaction): {events / committed.TotalSeconds,10:F0} events/s");
        Console.WriteLine($"  outbox -> broker -> inbox applied:  {events / total.TotalSeconds,10:F0} events/s ({total.TotalSeconds:F2} s)");
        Console.WriteLine($"  applied / commit rate:              {committed.TotalSeconds / total.TotalSeconds,10:F2}");
        Console.WriteLine($"  per-key order: {Volatile.Read(ref _outOfOrder)} readings applied out of order; {await SensorsInOrderAsync(store)}");
        Console.WriteLine($"  applied per second over the run:    {string.Join(' ', perSecond)}");
        Console.WriteLine($"  relay latency commit->ack (ms):     p50 {relay.P50:F1}  p95 {relay.P95:F1}  p99 {relay.P99:F1}  max {relay.Max:F1}");
        Console.WriteLine($"  end-to-end commit->applied (ms):    p50 {Percentile(e2e, 0.5):F1}  p95 {Percentile(e2e, 0.95):F1}  p99 {Percentile(e2e, 0.99):F1}  max {e2e[^1]:F1}");
        Console.WriteLine($"  process CPU (writers, relay, broker, consumers): {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s; GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s");
        await app.StopAsync();
    }

    private static async Task<WebApplication> StartServiceAsync(string connectionString, string bootstrapServers)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["ConnectionStrings:postgres"] = connectionString;
        builder.Configuration["Kafka:BootstrapServers"] = bootstrapServers;
        builder.Configuration["Messaging:Namespace"] = "bench";
        builder.AddPlatformStore("bench", o => o.Schema.For<SensorState>());
        builder.AddPlatformMessaging("bench", Topics.CostSharing, Topics.CostSharing)
            .Handle<ReadingRecorded, ReadingRecordedHandler>();
        var app = builder.Build();
        await app.StartAsync();
        return app;
    }

    /// <summary>Sequences of the measured run start above the warm-up's, so each sensor's sequence keeps growing.</summary>
    private const int MainRunOffset = WarmUpEvents + 64;

    /// <summary>Sensor <c>i % 64</c> is written only by writer <c>i % writers</c> (writers divide 64), so its sequence grows in commit order.</summary>
    private static Task WriteAsync(IDocumentStore store, EventOutbox outbox, int events, int writers, int offset) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            for (var i = writer; i < events; i += writers)
            {
                await using var session = store.LightweightSession();
                outbox.Enqueue(session, $"sensor-{i % 64}", new ReadingRecorded($"sensor-{i % 64}", offset + i, i * 0.01m));
                await session.SaveChangesAsync();
            }
        }));

    /// <summary>Checks at the end that every sensor's last applied reading is its last written one.</summary>
    private static async Task<string> SensorsInOrderAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var sensors = await session.Query<SensorState>().ToListAsync();
        var wrong = sensors.Count(s => s.LastSequence != LastWritten(s.Id));
        return $"{sensors.Count - wrong} of {sensors.Count} sensors end on their last reading";
    }

    private static int LastWritten(string sensorId)
    {
        var sensor = int.Parse(sensorId["sensor-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        return MainRunOffset + Written - 1 - ((Written - 1 - sensor) % 64 + 64) % 64;
    }

    private static int Written { get; set; }

    /// <summary>
    /// The cooperative assignor first gives every partition to the worker that joined first and spreads them over the
    /// others in later rebalances; throughput is measured once each worker holds a partition, not during that ramp.
    /// </summary>
    private static async Task<bool> WaitGroupSettledAsync(int workers)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var holding = Enumerable.Range(0, workers)
                .Count(w => MessagingMetrics.AssignedPartitions.WithLabels(w.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value > 0);
            if (holding == Math.Min(workers, Partitions))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private const int Partitions = 4;

    private const int WarmUpEvents = 2_000;

    /// <summary>Events applied in each second of the run: a stall (a rebalance, a blocked key) shows as a dip.</summary>
    private static async Task<List<int>> SampleAppliedAsync(CancellationToken cancellationToken)
    {
        var perSecond = new List<int>();
        var previous = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = Volatile.Read(ref _applied);
                perSecond.Add(now - previous);
                previous = now;
            }
        }
        catch (OperationCanceledException)
        {
        }

        return perSecond;
    }

    private static async Task WaitAppliedAsync(int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (Volatile.Read(ref _applied) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    private static async Task TruncateOutboxAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("delete from bench.platform_outbox", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(double P50, double P95, double P99, double Max)> RelayLatencyAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select percentile_cont(array[0.5, 0.95, 0.99]) within group (order by ms), max(ms)
            from (select extract(epoch from published_at - occurred_at) * 1000 as ms from bench.platform_outbox where published_at is not null) l
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var p = reader.GetFieldValue<double[]>(0);
        return (p[0], p[1], p[2], Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
