using Platform.Charts.Tests.Rendering;
using Platform.Charts.Tests.Validation;

namespace Platform.Charts.Tests;

public sealed class ValuesSchemaTests
{
    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void The_values_of_every_scenario_satisfy_the_schema(string scenario)
    {
        Assert.Empty(ValuesSchema.Problems(ChartScenario.Named(scenario).MergedValues()));
    }

    [Fact]
    public void The_chart_defaults_alone_satisfy_the_schema()
    {
        Assert.Empty(ValuesSchema.Problems(new ChartScenario("defaults", []).MergedValues()));
    }

    [Fact]
    public void Every_values_example_in_the_deploy_doc_satisfies_the_schema()
    {
        Assert.True(DeployDocExamples.All.Count >= 3, "docs/deploy.md lost its values examples");
        foreach (var example in DeployDocExamples.All)
        {
            var problems = ValuesSchema.Problems(new ChartScenario("doc", [ChartScenario.Inline(example)]).MergedValues());
            Assert.True(problems.Count == 0, $"docs/deploy.md example\n{example}\nbreaks the schema: {string.Join("; ", problems)}");
        }
    }

    [Theory]
    [InlineData("componentDefaults: {replicaCont: 2}", "misspelt key of the component defaults")]
    [InlineData("components: {gateway: {probes: {readines: {periodSeconds: 5}}}}", "misspelt key in a component")]
    [InlineData("kafka: {bootstrapServer: kafka:9092}", "misspelt top-level section key")]
    [InlineData("migrations: {mode: job}", "value outside the enum")]
    [InlineData("componentDefaults: {replicaCount: two}", "wrong type")]
    [InlineData("auth: {signingKey: {existingSecret: \"\"}}", "signing-key Secret missing while the gateway issues tokens")]
    [InlineData("components: {cost-sharing: {database: {connectionStringSecret: {name: pg}}}}", "connection string Secret without its key")]
    public void Values_the_chart_does_not_know_are_refused(string values, string because)
    {
        var problems = ValuesSchema.Problems(new ChartScenario("bad", [ChartScenario.Inline(values)]).MergedValues());

        Assert.True(problems.Count > 0, $"the schema accepted a {because}: {values}");
    }

    [Fact]
    public void A_new_component_is_only_values()
    {
        var values = """
            components:
              communication:
                image: {repository: platform-communication}
                database: {enabled: true, name: communication}
                kafka: {enabled: true, topics: [{name: communication.events.v1}, {name: dlq.communication.v1, config: {retention.ms: "2592000000"}}]}
            """;

        Assert.Empty(ValuesSchema.Problems(new ChartScenario("new", [ChartScenario.Inline(values)]).MergedValues()));
    }
}
