using System.Net;
using Platform.Testing;

namespace Platform.Benchmarks.Propagation;

/// <summary>
/// A region of <c>n</c> member cities under one agreement: registered in cost-sharing (eight at a time), then waited for
/// until the fund has opened their accounts and trust-score scores them (both consume member-joined), so no allocation
/// of the load waits for a member to arrive.
/// </summary>
internal static class RegionSetup
{
    public const string Category = "natural-disaster";

    public static string CityId(int i) => $"bench-city-{i:D4}";

    public static async Task<string> CreateAsync(GatewayApi api, int cities)
    {
        var ids = Enumerable.Range(0, cities).Select(CityId).ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (city, _) =>
        {
            var (status, _, text) = await api.SendAsync(HttpMethod.Post, "/api/cost-sharing/members", api.Coordinator, new
            {
                cityId = city, name = city, province = "浙江省", population = 1_000_000, gdpCny = 1m, contact = new { name = "x", email = $"x@{city}.gov.cn" },
            });
            if (status is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"registering {city} answered {(int)status}: {text}");
            }
        });

        foreach (var (list, service) in new[] { ("/api/fund/members?pageSize=1", "the fund"), ("/api/trust/scores?pageSize=1", "trust-score") })
        {
            await Eventually.Until(
                async () => (await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, list, api.Coordinator)).GetProperty("total").GetInt64() >= cities,
                TimeSpan.FromMinutes(10), $"{service} to know all {cities} cities");
        }

        var agreementId = $"bench-{Guid.NewGuid():N}"[..24];
        await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/cost-sharing/agreements", api.Coordinator, new
        {
            id = agreementId, name = "Benchmark region " + agreementId, members = ids,
            rules = new Dictionary<string, object> { [Category] = new { rule = "origin-primary", originShare = 0.6m, key = "population-exposed" } },
            claimDeadlineDays = 30,
            settlement = new { dueDays = 15, clearingAccount = "fund-clearing" },
            responsibilities = Array.Empty<object>(),
        });
        return agreementId;
    }
}
