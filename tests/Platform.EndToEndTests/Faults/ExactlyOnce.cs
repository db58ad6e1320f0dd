using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Xunit;

namespace Platform.EndToEndTests.Faults;

/// <summary>
/// Nothing lost, nothing applied twice, read through the gateway: every accepted registration known to every service
/// and the five member registries of equal size; every accepted allocation settled by the fund and owed in trust, and
/// no more; the bank balance the sum of the accepted postings; the ledger holding exactly the entries those requests
/// caused; the fund's reconciliation clean and its trial balance balanced; no dead letter and nothing parked anywhere.
/// </summary>
public static class ExactlyOnce
{
    private static readonly string[] Services = ["cost-sharing", "fund", "trust", "evaluation", "communication"];

    /// <summary>Waits up to <paramref name="timeout"/> for every check to pass, then fails with those that did not.</summary>
    public static async Task AssertAsync(FaultPlatformFixture platform, TimeSpan? timeout = null)
    {
        using var coordinator = platform.Client(PlatformRoles.Coordinator);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        IReadOnlyList<string> problems;
        do
        {
            problems = await ProblemsAsync(coordinator, platform.Accepted);
            if (problems.Count == 0)
            {
                return;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail("Not exactly once:\n" + string.Join('\n', problems));
    }

    private static async Task<IReadOnlyList<string>> ProblemsAsync(HttpClient coordinator, AcceptedEffects accepted)
    {
        var problems = new List<string>();
        var members = accepted.Members;
        var allocations = accepted.Allocations;
        var postings = accepted.Postings;

        foreach (var (service, list) in new[]
        {
            ("cost-sharing", "/api/cost-sharing/members"), ("fund", "/api/fund/members"), ("trust", "/api/trust/scores"),
            ("evaluation", "/api/evaluation/members"), ("communication", "/api/communication/members"),
        })
        {
            Check(problems, $"{service} members", members.Count, await TotalAsync(coordinator, list));
        }

        foreach (var city in members)
        {
            var accounts = await GetAsync(coordinator, $"/api/fund/members/{city}/accounts");
            Check(problems, $"fund accounts of {city}", 6, accounts is { } a ? a.GetProperty("accounts").GetArrayLength() : -1);
        }

        Check(problems, "fund settlements", allocations.Count, await TotalAsync(coordinator, "/api/fund/settlements"));
        var commitments = 0L;
        foreach (var city in FaultRegion.Cities)
        {
            commitments += await TotalAsync(coordinator, $"/api/trust/cities/{city}/commitments");
        }

        Check(problems, "trust settlement commitments", allocations.Sum(a => a.PayingCities.Count), commitments);
        foreach (var allocation in allocations)
        {
            if (await GetAsync(coordinator, $"/api/fund/settlements/{allocation.AllocationId}") is null)
            {
                problems.Add($"settlement of allocation {allocation.AllocationId} missing");
            }
        }

        var bank = await GetAsync(coordinator, "/api/fund/accounts/fund:bank");
        Check(problems, "fund:bank balance", postings.Sum(p => p.Amount), bank?.GetProperty("balance").GetDecimal() ?? -1);

        if (await GetAsync(coordinator, "/api/fund/reports/reconciliation") is { } reconciliation)
        {
            Check(problems, "reconciliation discrepancies", 0, reconciliation.GetProperty("discrepancies").GetInt32());
            Check(problems, "ledger entries", postings.Count + allocations.Count, reconciliation.GetProperty("rebuild").GetProperty("entries").GetInt64());
            Check(problems, "allocations reconciled", allocations.Count, reconciliation.GetProperty("allocations").GetProperty("checked").GetInt32());
        }
        else
        {
            problems.Add("reconciliation report unavailable");
        }

        if (await GetAsync(coordinator, "/api/fund/reports/trial-balance") is { } trial)
        {
            Check(problems, "trial balance debits − credits", 0m, trial.GetProperty("totalDebits").GetDecimal() - trial.GetProperty("totalCredits").GetDecimal());
        }

        foreach (var service in Services)
        {
            Check(problems, $"{service} dead letters", 0, (await GetAsync(coordinator, $"/api/{service}/admin/dead-letters"))?.GetArrayLength() ?? -1);
            Check(problems, $"{service} parked messages", 0, (await GetAsync(coordinator, $"/api/{service}/admin/parked"))?.GetArrayLength() ?? -1);
        }

        return problems;
    }

    private static void Check<T>(List<string> problems, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            problems.Add($"{what}: expected {expected}, found {actual}");
        }
    }

    private static async Task<long> TotalAsync(HttpClient client, string list) =>
        (await GetAsync(client, list + (list.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageSize=1"))?.GetProperty("total").GetInt64() ?? -1;

    /// <summary>The body of a 200, or null for any other answer or none (the platform may still be recovering).</summary>
    private static async Task<JsonElement?> GetAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
