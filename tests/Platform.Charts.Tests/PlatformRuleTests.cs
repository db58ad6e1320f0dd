using Platform.Charts.Tests.Rendering;
using Platform.Charts.Tests.Validation;

namespace Platform.Charts.Tests;

public sealed class PlatformRuleTests
{
    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void Every_component_gets_its_deployment_service_account_policy_and_disruption_budget(string scenario)
    {
        var s = ChartScenario.Named(scenario);
        Assert.Contains("gateway", s.Components().Keys);
        Assert.Empty(PlatformRules.EveryComponentIsComplete(s.Objects(), s.Components().Keys));
    }

    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void Probes_ask_the_management_port(string scenario) =>
        Assert.Empty(PlatformRules.ProbesUseTheManagementPort(ChartScenario.Named(scenario).Objects()));

    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void Every_container_has_requests_and_a_memory_limit(string scenario) =>
        Assert.Empty(PlatformRules.EveryContainerHasResources(ChartScenario.Named(scenario).Objects()));

    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void Every_container_runs_unprivileged_on_a_read_only_root(string scenario) =>
        Assert.Empty(PlatformRules.EveryContainerIsLockedDown(ChartScenario.Named(scenario).Objects()));

    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void No_image_uses_the_latest_tag(string scenario) =>
        Assert.Empty(PlatformRules.NoImageIsLatest(ChartScenario.Named(scenario).Objects()));

    [Theory]
    [InlineData("dev")]
    [InlineData("production-everything")]
    public void Every_contract_topic_is_declared_with_a_retention(string scenario)
    {
        var s = ChartScenario.Named(scenario);
        Assert.NotEmpty(PlatformRules.ContractTopics());
        Assert.Empty(PlatformRules.EveryContractTopicIsDeclared(s.Objects(), s.TopicNamespace));
    }

    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void Every_service_has_a_database_of_its_own(string scenario)
    {
        var s = ChartScenario.Named(scenario);
        // Services that keep data; the finance console keeps none (it calls the others through the gateway).
        var values = System.Text.Json.Nodes.JsonNode.Parse(s.MergedValues())!;
        var byDefault = (bool?)values["componentDefaults"]?["database"]?["enabled"] ?? false;
        var services = s.Components().Where(c => c.Value == "service")
            .Where(c => (bool?)values["components"]?[c.Key]?["database"]?["enabled"] ?? byDefault)
            .Select(c => c.Key).ToList();
        Assert.NotEmpty(services);
        Assert.Empty(PlatformRules.EveryServiceHasItsOwnDatabase(s.Objects(), services));
    }

    [Fact]
    public void With_CloudNativePG_every_service_and_the_gateway_get_a_Database_object_of_their_own_name()
    {
        var s = ChartScenario.Dev;
        var databases = s.Objects().Where(o => o.Kind == "Database").Select(o => (string?)o.Json["spec"]?["name"]).ToList();

        // The gateway keeps the people who sign in (its identity store) in a database of its own.
        var services = s.Components().Count(c => c.Value == "service") + 1;

        Assert.Equal(services, databases.Distinct().Count());
        Assert.Equal(services, databases.Count);
    }
}
