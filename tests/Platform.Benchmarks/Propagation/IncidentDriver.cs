using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Platform.Benchmarks.Propagation;

/// <summary>An allocation the load finalized: when cost-sharing finalized it, and the city that owes its settlement.</summary>
internal sealed record FinalizedAllocation(Guid AllocationId, DateTimeOffset FinalizedAt, string PayingCity, IReadOnlyList<string> AffectedCities, double DriveMs);

/// <summary>
/// One incident from report to finalized allocation, every call through the gateway by the role that makes it (as
/// tests/Platform.EndToEndTests/Flows/TrustScenario.cs does): the coordinating body opens, confirms and closes the incident,
/// each of its three cities files a claim with its own token, the coordinating body approves them, finalizes the costs and
/// the allocation. Incident <c>i</c> takes cities 3i, 3i+1 and 3i+2 (modulo the region): one origin, two affected.
/// </summary>
/// <remarks>
/// The figures: spent 100.00 (origin), 900.00 and 500.00 (affected), 1,500.00 in all; origin-primary α = 0.6 gives the
/// origin 900.00 and each affected city 300.00 (equal populations exposed), so the origin pays in 800.00 (a settlement
/// commitment in trust-score) and the two affected cities have a burden (a compensation proposal each in the fund).
/// </remarks>
internal static class IncidentDriver
{
    public static async Task<FinalizedAllocation> DriveAsync(GatewayApi api, string agreementId, int cities, int index)
    {
        var clock = Stopwatch.StartNew();
        var origin = RegionSetup.CityId(3 * index % cities);
        var affected = new[] { RegionSetup.CityId((3 * index + 1) % cities), RegionSetup.CityId((3 * index + 2) % cities) };
        var now = DateTimeOffset.UtcNow;
        var incident = (await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/cost-sharing/incidents", api.Coordinator, new
        {
            agreementId, category = RegionSetup.Category, scenario = "exposure-spread", title = $"Benchmark incident {index}", occurredAt = now.AddDays(-10),
            participants = new object[]
            {
                new { cityId = origin, side = "origin", contributionWeight = 1m, reportedAt = now.AddDays(-10).AddHours(1) },
                new { cityId = affected[0], side = "affected", populationExposed = 100_000L },
                new { cityId = affected[1], side = "affected", populationExposed = 100_000L },
            },
        })).GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/cost-sharing/incidents/{incident}/confirm", api.Coordinator);
        await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/cost-sharing/incidents/{incident}/close-response", api.Coordinator, new { closedAt = now.AddDays(-1) });

        foreach (var (city, amount) in new[] { (origin, 100m), (affected[0], 900m), (affected[1], 500m) })
        {
            var claim = (await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/cost-sharing/incidents/{incident}/claims", api.City(city), new
            {
                lines = new[] { new { category = "personnel", amount, description = "response", evidenceRef = "evidence/1.pdf" } }, insurance = 0m, subsidies = 0m,
            })).GetProperty("id").GetGuid();
            await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/cost-sharing/claims/{claim}/decision", api.Coordinator, new { outcome = "approve" });
        }

        await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/cost-sharing/incidents/{incident}/finalize-costs", api.Coordinator);
        var allocation = await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/cost-sharing/incidents/{incident}/allocations", api.Coordinator);
        return new FinalizedAllocation(
            allocation.GetProperty("id").GetGuid(), allocation.GetProperty("finalizedAt").GetDateTimeOffset(), origin, affected, clock.Elapsed.TotalMilliseconds);
    }

    public static DateTimeOffset FirstRecordedAt(JsonElement history) =>
        history.GetProperty("versions").EnumerateArray().First().GetProperty("recordedAt").GetDateTimeOffset();
}
