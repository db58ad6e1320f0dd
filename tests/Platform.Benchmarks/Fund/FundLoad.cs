using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.Benchmarks.Fund;

/// <summary>The three workloads: each runs <c>clients</c> concurrent loops until the work is done and returns a rate.</summary>
internal sealed class FundLoad(HttpClient http, string connectionString, IReadOnlyList<string> accounts, int clients)
{
    private readonly NpgsqlDataSource _raw = new NpgsqlDataSourceBuilder(connectionString + $";Maximum Pool Size={clients + 4}").Build();
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly string _token = TestTokens.For(PlatformRoles.Finance);

    public async Task PrepareRawAsync()
    {
        await using var command = _raw.CreateCommand(
            "create table if not exists bench_raw_entry (id bigserial primary key, debit_account text not null, credit_account text not null, amount bigint not null, recorded_at timestamptz not null default now())");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The baseline: what PostgreSQL itself gives for one durable commit per entry at this concurrency.</summary>
    public Task<double> RawEntriesAsync(int entries) => RunAsync(entries, async (i, random) =>
    {
        var (debit, credit) = Pair(random);
        await using var connection = await _raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("insert into bench_raw_entry (debit_account, credit_account, amount) values ($1, $2, $3)", connection, transaction);
        command.Parameters.AddWithValue(debit);
        command.Parameters.AddWithValue(credit);
        command.Parameters.AddWithValue((long)random.Next(1, 1_000_000));
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    });

    public async Task<double> ApiEntriesAsync(int entries)
    {
        _latencies.Clear();
        return await RunAsync(entries, async (i, random) =>
        {
            var (debit, credit) = Pair(random);
            using var request = Post("/api/fund/entries", Entry(debit, credit, random));
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            EnsureCreated(response);
        });
    }

    /// <summary>One entry through the API, alone (for the profile).</summary>
    public async Task PostOneAsync()
    {
        var random = Random.Shared;
        var (debit, credit) = Pair(random);
        using var request = Post("/api/fund/entries", Entry(debit, credit, random));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request);
        EnsureCreated(response);
    }

    /// <summary>Lines per second through the batch endpoint: <paramref name="batches"/> batches of <paramref name="size"/> two-line entries.</summary>
    public async Task<double> BatchLinesAsync(int batches, int size)
    {
        var perBatchPerSecond = await RunAsync(batches, async (i, random) =>
        {
            var entries = Enumerable.Range(0, size).Select(_ => Pair(random)).Select(p => Entry(p.Debit, p.Credit, random)).ToArray();
            using var request = Post("/api/fund/entries/batch", new { entries });
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await http.SendAsync(request);
            EnsureCreated(response);
        });
        return perBatchPerSecond * size * 2;
    }

    public double Latency(double quantile)
    {
        var sorted = _latencies.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
    }

    private async Task<double> RunAsync(int operations, Func<int, Random, Task> operation)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(c);
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations)
            {
                await operation(i, random);
            }
        }));
        return operations / clock.Elapsed.TotalSeconds;
    }

    private (string Debit, string Credit) Pair(Random random)
    {
        var debit = random.Next(accounts.Count);
        var credit = (debit + 1 + random.Next(accounts.Count - 1)) % accounts.Count;
        return (accounts[debit], accounts[credit]);
    }

    private static object Entry(string debit, string credit, Random random)
    {
        var amount = random.Next(1, 1_000_000) / 100m;
        return new
        {
            description = "benchmark transfer",
            lines = new[] { new { account = debit, side = "debit", amount }, new { account = credit, side = "credit", amount } },
        };
    }

    private HttpRequestMessage Post(string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }

    private static void EnsureCreated(HttpResponseMessage response)
    {
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"The fund answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        }
    }
}
