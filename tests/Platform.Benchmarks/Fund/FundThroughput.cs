extern alias CompensationFundApi;
using CompensationFundApi::CompensationFund.Api.Domain.Accounts;
using CompensationFundApi::CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;
using Platform.Testing;

namespace Platform.Benchmarks.Fund;

/// <summary>
/// Balanced two-line entries per second into the fund's ledger on durable PostgreSQL (fsync and synchronous_commit on,
/// environment.md): through the HTTP API by concurrent clients, through the batch endpoint, and a raw Npgsql baseline
/// (one INSERT and COMMIT per entry) at the same concurrency — interleaved in rounds, medians reported, because the
/// machine is shared and noisy. Numbers are reported, never asserted (architecture.md §9).
/// </summary>
public static class FundThroughput
{
    public const int Cities = 250;
    public const int WarmUpRounds = 2;

    public static async Task RunAsync(int entries, int clients, int batchSize, int rounds)
    {
        await using var postgres = await LocalPostgresServer.StartAsync(durable: true);
        using var broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        TestInfrastructure.CreateTopics(broker, "bench");
        await postgres.CreateDatabaseAsync("fund");
        var connectionString = postgres.ConnectionString("fund");
        Environment.SetEnvironmentVariable(
            "ASPNETCORE_TEST_CONTENTROOT_COMPENSATIONFUND_API", Path.Combine(RepositoryRoot.Path, "services", "CompensationFund", "CompensationFund.Api"));
        await using var service = new ServiceFactory<CompensationFundApi::Program>(connectionString, broker.BootstrapServers, "bench");
        service.Settings["Logging:LogLevel:Default"] = "Warning";
        service.Environment = "Production";
        service.Start();
        var accounts = await OpenAccountsAsync(service.Services);
        var settings = await SettingsAsync(connectionString);
        Console.WriteLine($"fund ledger benchmark: PostgreSQL {settings}; {clients} concurrent clients; {accounts.Count} accounts; batches of {batchSize} entries; {rounds} rounds");

        var load = new FundLoad(service.CreateClient(), connectionString, accounts, clients);
        await load.PrepareRawAsync();


        var raw = new List<double>();
        var api = new List<double>();
        var batched = new List<double>();
        var cpu = new CpuMeter(postgres.DataDirectory);
        var wal = new WalMeter(connectionString);
        var batches = Math.Max(clients, entries / batchSize);
        // What the process (the service's background work: sealer, outbox relay, consumers, the embedded broker) and
        // PostgreSQL spend with no load at all: at a low rate it is a large part of the "CPU per entry" below. Measured
        // after the start-up has settled (the JIT's second tier, the pools' first connections).
        await Task.Delay(TimeSpan.FromSeconds(10));
        var rest = cpu.Read();
        var threads = CpuMeter.ByThreadName();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var rested = cpu.Read();
        var busiest = CpuMeter.ByThreadName().Select(t => (t.Key, Ms: (t.Value - threads.GetValueOrDefault(t.Key)) * 1000 / 5))
            .OrderByDescending(t => t.Ms).Take(5).Select(t => $"{t.Key} {t.Ms:F0}");
        Console.WriteLine($"  at rest: app {(rested.Process - rest.Process) * 1000 / 5:F0} ms/s ({string.Join(", ", busiest)}), db {(rested.Database - rest.Database) * 1000 / 5:F0} ms/s of CPU");
        // Two warm-up rounds first, not counted: measured here, CPU per API entry kept falling for about ten thousand
        // requests while the JIT re-compiled hot paths with profile data (tiered PGO).
        for (var round = 1 - WarmUpRounds; round <= rounds; round++)
        {
            // Each round starts from a vacuumed, checkpointed database (as pgbench vacuums before it measures), outside the
            // timed phases. Left alone, PostgreSQL's first autovacuum pass over the tables written so far (about a minute
            // after the database was created) and its first checkpoint (once about half of max_wal_size is written) land
            // in whichever phase runs then — mostly the API and batch phases, which write several times raw's WAL per entry —
            // and that phase's rate fell by up to 60 % (docs/compensation-fund.md §12).
            await SettleAsync(connectionString);
            var (rawRate, rawCpu) = await MeasureAsync(cpu, wal, entries, () => load.RawEntriesAsync(entries));
            var statements = round == rounds && await FundStatements.ResetAsync(connectionString);
            var (apiRate, apiCpu) = await MeasureAsync(cpu, wal, entries, () => load.ApiEntriesAsync(entries));
            if (statements)
            {
                await FundStatements.PrintAsync(connectionString, "API", entries);
                await FundStatements.ResetAsync(connectionString);
            }

            var (batchRate, batchCpu) = await MeasureAsync(cpu, wal, batches * batchSize, () => load.BatchLinesAsync(batches, batchSize));
            if (statements)
            {
                await FundStatements.PrintAsync(connectionString, "batch", batches * batchSize);
            }
            if (round > 0)
            {
                raw.Add(rawRate);
                api.Add(apiRate);
                batched.Add(batchRate);
            }

            Console.WriteLine(
                $"  {(round > 0 ? $"round {round}" : "warm-up")}: raw {rawRate,7:F0} entries/s ({rawCpu}) | API {apiRate,6:F0} entries/s ({apiCpu}) | batch {batchRate,7:F0} lines/s ({batchCpu})");
        }

        var groups = CompensationFundApi::CompensationFund.Api.Infrastructure.FundMetrics.EntryCommitGroupSize;
        Console.WriteLine($"  API entries per commit (group commit): {groups.Sum / Math.Max(1, groups.Count):F1} on average over {groups.Count:F0} commits");
        Console.WriteLine($"  median raw Npgsql (INSERT+COMMIT per entry):  {Median(raw),8:F0} entries/s");
        Console.WriteLine($"  median API (POST /entries, Idempotency-Key): {Median(api),8:F0} entries/s  = {Median(api) / Median(raw):P0} of raw");
        // Each round's API phase runs right after its raw phase, so their ratio is least moved by the machine's drift.
        var ratios = raw.Zip(api, (r, a) => a / r).ToList();
        var (low, high) = MedianInterval(ratios);
        Console.WriteLine($"  API / raw in each round: {string.Join(", ", ratios.Select(r => r.ToString("F2")))} (median {Median(ratios):F2}, 90 % bootstrap interval {low:F2}–{high:F2}; {ratios.Count(r => r >= 0.5)} of {ratios.Count} rounds at 0.5 or more)");
        Console.WriteLine($"  median batch (POST /entries/batch):          {Median(batched),8:F0} lines/s    = {Median(batched) / 2,8:F0} entries/s ({Median(batched) / 2 / Median(raw):F1}x raw)");
        await FundProfile.RunAsync(connectionString, Path.Combine(Path.GetDirectoryName(postgres.DataDirectory)!, "postgres.log"), load.PostOneAsync, requests: 200);
        Console.WriteLine($"  latency API p50 {load.Latency(0.5):F1} ms, p99 {load.Latency(0.99):F1} ms; rebuilt from the event log = live balances: {await RebuildAgreesAsync(service.Services)}");
    }

    /// <summary>
    /// Income accounts, many, opened directly (setup, not measured): manual accounts (the generic <c>/entries</c> takes
    /// only those since the separation of duties) with no limit, so no entry is refused.
    /// </summary>
    private static async Task<IReadOnlyList<string>> OpenAccountsAsync(IServiceProvider services)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        var accounts = Enumerable.Range(0, Cities)
            .Select(i => LedgerAccount.OpenFundAccount($"fund:income:bench-{i:D3}", LedgerAccountKind.Income, $"Benchmark income {i:D3}", DateTimeOffset.UtcNow)).ToList();
        services.GetRequiredService<AccountOpening>().Open(session, accounts);
        await session.SaveChangesAsync();
        return [.. accounts.Select(a => a.Id)];
    }

    private static async Task<string> SettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select current_setting('fsync'), current_setting('synchronous_commit'), current_setting('server_version')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetString(2)} fsync={reader.GetString(0)} synchronous_commit={reader.GetString(1)}";
    }

    private static async Task SettleAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in new[] { "vacuum (analyze)", "checkpoint" })
        {
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<bool> RebuildAgreesAsync(IServiceProvider services) =>
        (await services.GetRequiredService<LedgerReplay>().RunAsync(CancellationToken.None)).Agrees;

    /// <summary>The rate a workload reached, the CPU it cost per entry (this process and PostgreSQL) and what it wrote to the WAL.</summary>
    private static async Task<(double Rate, string Cpu)> MeasureAsync(CpuMeter meter, WalMeter wal, int entries, Func<Task<double>> workload)
    {
        var logged = await wal.ReadAsync();
        var before = meter.Read();
        var rate = await workload();
        var after = meter.Read();
        return (rate, $"CPU/entry: app {(after.Process - before.Process) * 1e6 / entries:F0} µs, db {(after.Database - before.Database) * 1e6 / entries:F0} µs; "
            + WalMeter.Describe(logged, await wal.ReadAsync(), entries));
    }

    public static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>
    /// A 90 % percentile-bootstrap interval of the median of <paramref name="values"/>: how far the median of rounds like
    /// these could plausibly lie from the one measured (10,000 resamples, fixed seed so a run's printout is reproducible
    /// from its rounds). With a handful of rounds it is wide; pooled over runs it answers "is the median above 0.5".
    /// </summary>
    public static (double Low, double High) MedianInterval(List<double> values)
    {
        var random = new Random(1);
        var medians = Enumerable.Range(0, 10_000)
            .Select(_ => Median([.. Enumerable.Range(0, values.Count).Select(_ => values[random.Next(values.Count)])]))
            .Order().ToList();
        return (medians[medians.Count / 20], medians[medians.Count * 19 / 20]);
    }
}
