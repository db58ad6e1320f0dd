using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace Platform.Benchmarks.Fund;

/// <summary>
/// Where a single-entry request's database time goes: the round trips the service makes while serving it (Npgsql's
/// command activities inside the request's activity, plus the commits) and the statements PostgreSQL executes for it
/// (its own log with <c>log_min_duration_statement = 0</c>, grouped by statement, with their server time). Requests are
/// sent one at a time, so the counts are per request; statements of background work (the sealer, the outbox relay)
/// show as fractions.
/// </summary>
internal static partial class FundProfile
{
    public static async Task RunAsync(string connectionString, string logFile, Func<Task> postOneEntry, int requests)
    {
        var roundTrips = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && InRequest(activity))
                {
                    roundTrips.Add(activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await postOneEntry(); // the listener's first request warms nothing up that the counts should include

        await SetLoggingAsync(connectionString, on: true);
        var offset = new FileInfo(logFile).Length;
        roundTrips.Clear();
        for (var i = 0; i < requests; i++)
        {
            await postOneEntry();
        }

        await SetLoggingAsync(connectionString, on: false);
        var statements = Statements(logFile, offset);
        var commits = statements.Where(s => s.Sql is "COMMIT").Sum(s => s.Count);
        Console.WriteLine($"  profile of {requests} sequential POST /entries: {(double)roundTrips.Count / requests:F2} traced round trips per request"
            + $" (+ {(double)commits / requests:F2} COMMIT), {(double)statements.Sum(s => s.Count) / requests:F2} statements executed per request (background work included):");
        foreach (var group in roundTrips.GroupBy(r => r).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"    round trip {(double)group.Count() / requests,5:F2}/request  {group.Key}");
        }

        foreach (var s in statements.OrderByDescending(s => s.Milliseconds).Take(16))
        {
            Console.WriteLine($"    {(double)s.Count / requests,5:F2}/request {s.Milliseconds * 1000 / requests,8:F0} µs/request  {s.Sql}");
        }
    }

    private static bool InRequest(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == "Microsoft.AspNetCore")
            {
                return true;
            }
        }

        return false;
    }

    private static async Task SetLoggingAsync(string connectionString, bool on)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var setting = on ? "alter system set log_min_duration_statement = 0" : "alter system reset log_min_duration_statement";
        await using (var set = new NpgsqlCommand(setting, connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using var reload = new NpgsqlCommand("select pg_reload_conf()", connection);
        await reload.ExecuteNonQueryAsync();
        await Task.Delay(200); // every backend applies the reload at its next command
    }

    /// <summary>The statements logged after <paramref name="offset"/>: executions (not parse or bind steps) grouped by their text.</summary>
    private static List<(string Sql, int Count, double Milliseconds)> Statements(string logFile, long offset)
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var found = new List<(string Sql, double Milliseconds)>();
        while (reader.ReadLine() is { } line)
        {
            if (Logged().Match(line) is { Success: true } m)
            {
                var sql = Regex.Replace(m.Groups["sql"].Value, @"\s+", " ");
                found.Add((sql.Length > 100 ? sql[..100] : sql, double.Parse(m.Groups["ms"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return [.. found.GroupBy(f => f.Sql).Select(g => (g.Key, g.Count(), g.Sum(f => f.Milliseconds)))];
    }

    [GeneratedRegex(@"duration: (?<ms>[\d.]+) ms  (execute [^:]*|statement): (?<sql>.*)$")]
    private static partial Regex Logged();
}
