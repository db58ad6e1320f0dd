using System.Net;
using System.Net.Http.Json;
using Platform.Charts.Tests.Monitoring;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Observability;

/// <summary>
/// Dashboards and alerts that measure something real: after a small flow through the gateway, every
/// metric the chart's Grafana dashboards and alert rules read is exported by some running
/// component's /metrics (docs/deploy.md "Alerts").
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MonitoredMetricsExportedTests(PlatformFixture platform, ITestOutputHelper output)
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
        await ReportMemoryAsync(http);
    }

    /// <summary>Each component's resident memory after the flow (prometheus-net's process_working_set_bytes), for the capacity notes.</summary>
    private async Task ReportMemoryAsync(HttpClient http)
    {
        foreach (var process in platform.Processes)
        {
            var exposition = await http.GetStringAsync(new Uri($"http://127.0.0.1:{process.ManagementPort}/metrics"));
            var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith("process_working_set_bytes ", StringComparison.Ordinal));
            var bytes = line is null ? double.NaN : double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"{process.Name}: working set {bytes / 1024 / 1024:F0} MiB");
        }
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
