using System.Net;
using System.Net.Http.Json;
using Platform.Charts.Tests.Monitoring;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests.Observability;

/// <summary>
/// Dashboards and alerts that measure something real: after a small flow through the gateway, every
/// metric the chart's Grafana dashboards and alert rules read is exported by some running
/// component's /metrics (docs/deploy.md "Alerts").
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MonitoredMetricsExportedTests(PlatformFixture platform)
{
    [Fact]
    public async Task EveryMetricTheDashboardsAndAlertsReadIsExportedBySomeComponent()
    {
        var wanted = MonitoredMetrics.All(Path.Combine(RepositoryRoot.Path, "charts", "platform"));
        Assert.True(wanted.Count > 10, $"only {wanted.Count} metric names found in the chart");
        await RunASmallFlowAsync();

        using var http = new HttpClient();
        List<string> missing;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        do
        {
            var expositions = await Task.WhenAll(platform.Processes.Select(p =>
                http.GetStringAsync(new Uri($"http://127.0.0.1:{p.ManagementPort}/metrics"))));
            missing = [.. wanted.Where(metric => !expositions.Any(e => MonitoredMetrics.IsExported(e, metric))).Order()];
            await Task.Delay(missing.Count == 0 ? 0 : 500);
        }
        while (missing.Count > 0 && DateTime.UtcNow < deadline);

        Assert.Empty(missing);
    }

    /// <summary>A member joins: cost-sharing publishes, the fund consumes and opens accounts; the gateway forwards it all.</summary>
    private async Task RunASmallFlowAsync()
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        var city = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var registered = await coordinator.PostAsJsonAsync("/api/cost-sharing/members", new
        {
            cityId = city, name = city, province = "浙江省", population = 100_000, gdpCny = 1m,
            contact = new { name = "x", email = $"x@{city}.gov.cn" },
        });
        Assert.True(registered.StatusCode is HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        await Eventually.Until(
            async () => (await coordinator.GetAsync($"/api/fund/members/{city}/accounts")).StatusCode == HttpStatusCode.OK,
            because: "the fund to open the new member's accounts");
    }
}
