using System.Text.Json.Nodes;
using Platform.Charts.Tests.Rendering;
using Platform.Charts.Tests.Validation;

namespace Platform.Charts.Tests;

/// <summary>What a careful offline render found (issue "a chart that is checked on every commit"), kept fixed.</summary>
public sealed class ReviewFindingsTests
{
    [Fact]
    public void Without_the_prometheus_operator_no_ServiceMonitor_or_PrometheusRule_is_rendered()
    {
        var kinds = ChartScenario.DevWithoutPrometheusOperator.Objects().Select(o => o.Kind).ToList();

        Assert.DoesNotContain("ServiceMonitor", kinds);
        Assert.DoesNotContain("PrometheusRule", kinds);
    }

    [Fact]
    public void With_the_prometheus_operator_every_component_is_scraped_and_alerted_on()
    {
        var s = ChartScenario.Dev;
        var objects = s.Objects();

        Assert.Equal(s.Components().Count, objects.Count(o => o.Kind == "ServiceMonitor"));
        Assert.Single(objects, o => o.Kind == "PrometheusRule");
    }

    [Fact]
    public void Numbers_of_a_million_or_more_render_as_digits()
    {
        var job = ChartScenario.DevWithLargeNumbers.Objects().First(o => o.Kind == "Job");

        Assert.Equal(2592000L, (long?)job.Json["spec"]!["ttlSecondsAfterFinished"]);
        Assert.Equal(1000000L, (long?)job.Json["spec"]!["activeDeadlineSeconds"]);
    }

    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void Egress_is_limited_to_DNS_PostgreSQL_Kafka_the_services_and_configured_endpoints(string scenario)
    {
        var objects = ChartScenario.Named(scenario).Objects();
        var servicePorts = objects.Where(o => o.Kind == "Service")
            .SelectMany(o => o.Json["spec"]!["ports"]!.AsArray().Select(p => (long)p!["port"]!));
        long[] allowed = [53, 5432, 9092, 443, 4317, .. servicePorts];

        foreach (var policy in objects.Where(o => o.Kind == "NetworkPolicy"))
        {
            Assert.Contains("Egress", policy.Json["spec"]!["policyTypes"]!.AsArray().Select(t => (string?)t));
            foreach (var rule in policy.Json["spec"]!["egress"]!.AsArray())
            {
                var ports = rule!["ports"]?.AsArray().Select(p => (long)p!["port"]!).ToList();
                Assert.True(ports is { Count: > 0 }, $"{policy}: an egress rule open on every port");
                Assert.All(ports, port => Assert.Contains(port, allowed));
            }
        }
    }

    [Fact]
    public void Services_reach_only_their_own_releases_Kafka_and_PostgreSQL_pods_when_the_release_deploys_them()
    {
        var policy = ChartScenario.Dev.Objects().Single(o => o.Kind == "NetworkPolicy" && o.Component == "cost-sharing");
        var egress = policy.Json["spec"]!["egress"]!.ToJsonString();

        Assert.Contains("\"cnpg.io/cluster\":\"platform-pg\"", egress, StringComparison.Ordinal);
        Assert.Contains("\"strimzi.io/cluster\":\"platform-kafka\"", egress, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void Replicas_spread_over_zones_and_nodes(string scenario)
    {
        foreach (var deployment in ChartScenario.Named(scenario).Objects().Where(o => o.Kind == "Deployment"))
        {
            var keys = Workloads.PodSpec(deployment)["topologySpreadConstraints"]?.AsArray().Select(c => (string?)c!["topologyKey"]).ToList();
            Assert.Equal(["topology.kubernetes.io/zone", "kubernetes.io/hostname"], keys);
        }
    }

    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void Pods_drain_before_they_stop_and_within_their_grace_period(string scenario)
    {
        foreach (var deployment in ChartScenario.Named(scenario).Objects().Where(o => o.Kind == "Deployment"))
        {
            var sleep = (long?)Workloads.MainContainer(deployment)["lifecycle"]?["preStop"]?["sleep"]?["seconds"];
            var grace = (long?)Workloads.PodSpec(deployment)["terminationGracePeriodSeconds"] ?? 30;
            var shutdown = Workloads.MainContainer(deployment)["env"]?.AsArray()
                .SingleOrDefault(e => (string?)e!["name"] == "Hosting__ShutdownTimeoutSeconds")?["value"];

            Assert.True(sleep > 0, $"{deployment}: no preStop sleep");
            Assert.True(shutdown is not null, $"{deployment}: the host's shutdown timeout is not set (Hosting__ShutdownTimeoutSeconds)");
            var timeout = long.Parse((string)shutdown!, System.Globalization.CultureInfo.InvariantCulture);
            // preStop, then the host's shutdown bounded by its timeout (the services' target is 10 s), within the grace period:
            // the kubelet's SIGKILL must never cut a shutdown that is still within its own timeout.
            Assert.InRange(timeout, 1, 10);
            Assert.True(sleep + timeout < grace, $"{deployment}: preStop {sleep}s + shutdown timeout {timeout}s reach the {grace}s grace period");
        }
    }

    [Fact]
    public void Readiness_waits_longer_than_the_Kafka_checks_own_three_second_timeout()
    {
        foreach (var deployment in ChartScenario.Dev.Objects().Where(o => o.Kind == "Deployment"))
        {
            Assert.True((long)Workloads.MainContainer(deployment)["readinessProbe"]!["timeoutSeconds"]! > 3, deployment.ToString());
        }
    }

    [Fact]
    public void A_long_release_name_keeps_every_name_within_63_characters_and_distinct()
    {
        var objects = ChartScenario.ProductionEverything.Objects();

        Assert.All(objects, o => Assert.True(o.Name.Length <= 63, $"{o}: {o.Name.Length} characters"));
        var deployments = objects.Where(o => o.Kind == "Deployment").Select(o => o.Name).ToList();
        Assert.Equal(ChartScenario.ProductionEverything.Components().Count, deployments.Distinct().Count());
        Assert.All(deployments, name => Assert.Contains(ChartScenario.ProductionEverything.Release[..20], name, StringComparison.Ordinal));
    }

    [Fact]
    public void The_KafkaNodePool_is_named_after_the_release()
    {
        var pool = ChartScenario.Dev.Objects().Single(o => o.Kind == "KafkaNodePool");

        Assert.StartsWith("platform-", pool.Name, StringComparison.Ordinal);
        Assert.Equal("platform-kafka", pool.Label("strimzi.io/cluster"));
    }

    [Fact]
    public void The_gateway_alone_is_reachable_from_outside_and_services_only_from_the_gateway()
    {
        var objects = ChartScenario.Production.Objects();
        var service = objects.Single(o => o.Kind == "NetworkPolicy" && o.Component == "cost-sharing");
        var httpRule = service.Json["spec"]!["ingress"]!.AsArray()[0]!;

        Assert.Equal("gateway", (string?)httpRule["from"]![0]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/component"]);
        Assert.Single(objects, o => o.Kind == "Ingress");
        Assert.IsType<JsonArray>(service.Json["spec"]!["egress"]);
    }
}
