using System.Text.Json.Nodes;
using Platform.Charts.Tests.Monitoring;
using Platform.Charts.Tests.Rendering;

namespace Platform.Charts.Tests;

public sealed class MonitoringTests
{
    [Fact]
    public void The_rendered_alert_rules_pass_promtool()
    {
        var rule = ChartScenario.Dev.Objects().Single(o => o.Kind == "PrometheusRule");
        var rules = new JsonObject { ["groups"] = rule.Json["spec"]!["groups"]!.DeepClone() };

        var result = Promtool("check", "rules", rules);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_dashboard_query_is_valid_PromQL()
    {
        var queries = MonitoredMetrics.DashboardQueries(Repository.Chart).ToList();
        // promtool parses each query as a recording rule, with Grafana's variables given values.
        var rules = new JsonArray([.. queries.Select((q, i) => (JsonNode)new JsonObject
        {
            ["record"] = $"dashboard:query_{i}",
            ["expr"] = q.Query.Replace("$__rate_interval", "5m", StringComparison.Ordinal)
                .Replace("$__interval", "1m", StringComparison.Ordinal)
                .Replace("$namespace", "platform", StringComparison.Ordinal)
                .Replace("$job", "platform-gateway", StringComparison.Ordinal),
        })]);

        var result = Promtool("check", "rules", new JsonObject { ["groups"] = new JsonArray(new JsonObject { ["name"] = "dashboards", ["rules"] = rules }) });

        Assert.True(queries.Count > 20, $"only {queries.Count} dashboard queries found");
        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
    }

    [Fact]
    public void The_dashboards_show_the_funds_business_metrics_the_gateways_own_and_the_relay_latency()
    {
        var read = MonitoredMetrics.All(Repository.Chart);

        Assert.Contains("fund_account_balance_yuan", read);
        Assert.Contains("fund_reconciliation_discrepancies", read);
        Assert.Contains("gateway_requests_total", read);
        Assert.Contains("gateway_request_duration_seconds_bucket", read);
        Assert.Contains("messaging_relay_latency_seconds_bucket", read);
    }

    [Fact]
    public void Metric_names_are_read_from_PromQL_without_functions_labels_or_grouping()
    {
        var names = MonitoredMetrics.MetricNames(
            "histogram_quantile(0.95, sum by (le, job) (rate(a_seconds_bucket{job=~\"x|y\", code=\"5..\"}[5m]))) / on(job) b_total offset 5m > 0.5 and up")
            .ToList();

        Assert.Equal(["a_seconds_bucket", "b_total"], names);
    }

    private static RenderResult Promtool(string command, string subcommand, JsonObject rules)
    {
        var promtool = Prerequisites.RequirePromtool();
        var file = Path.Combine(Path.GetTempPath(), $"platform-rules-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, rules.ToJsonString());
        try
        {
            return ChartRenderer.Run(promtool, [command, subcommand, file]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
