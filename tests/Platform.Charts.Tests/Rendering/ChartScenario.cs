using System.Collections.Concurrent;

namespace Platform.Charts.Tests.Rendering;

/// <summary>
/// A way the chart is installed: values files (the chart's, the docs' examples, inline YAML), the
/// release name and the API versions the cluster serves. Renders are cached per scenario.
/// </summary>
public sealed record ChartScenario(string Name, string[] Values, string Release = "platform", string[]? ApiVersions = null)
{
    public const string PrometheusOperator = "monitoring.coreos.com/v1";

    private static readonly ConcurrentDictionary<ChartScenario, Lazy<RenderResult>> Renders = new();

    /// <summary>values-dev.yaml on a cluster with Strimzi, CloudNativePG and the prometheus-operator.</summary>
    public static ChartScenario Dev { get; } = new("dev", [File("values-dev.yaml")], ApiVersions: [PrometheusOperator]);

    /// <summary>values-dev.yaml on a cluster without the prometheus-operator CRDs.</summary>
    public static ChartScenario DevWithoutPrometheusOperator { get; } = new("dev-no-prometheus-operator", [File("values-dev.yaml")]);

    /// <summary>The production example of docs/deploy.md: external Kafka and PostgreSQL, an Ingress.</summary>
    public static ChartScenario Production { get; } = new("production", [Inline(DeployDocExamples.Production)], ApiVersions: [PrometheusOperator]);

    /// <summary>
    /// The production example with every option the docs show (OIDC authority, registered clients
    /// Secret) and those that change the object set: a long release name, init-container
    /// migrations, autoscaling, a topic namespace on an existing Strimzi cluster, an OTLP endpoint,
    /// and a number of a million or more.
    /// </summary>
    public static ChartScenario ProductionEverything { get; } = new(
        "production-everything",
        [
            Inline(DeployDocExamples.Production),
            Inline(DeployDocExamples.Containing("authority:")),
            Inline(DeployDocExamples.Containing("platform-gateway-clients")),
            Inline("""
                migrations: {mode: initContainer, ttlSecondsAfterFinished: 2592000}
                observability: {otlpEndpoint: "http://otel-collector.monitoring:4317"}
                kafka: {topicNamespace: staging, strimzi: {existingCluster: shared-kafka}}
                componentDefaults: {autoscaling: {enabled: true, maxReplicas: 4}}
                """),
        ],
        Release: "platform-with-a-release-name-long-enough-to-collide",
        ApiVersions: [PrometheusOperator]);

    /// <summary>The production example with the finance console of docs/deploy.md (its client secret, public address).</summary>
    public static ChartScenario ProductionWithConsole { get; } = new(
        "production-console",
        [Inline(DeployDocExamples.Production), Inline(DeployDocExamples.Containing("platform-console-client"))],
        ApiVersions: [PrometheusOperator]);

    /// <summary>The dev values with hook migrations whose Jobs are kept 30 days (2592000 s).</summary>
    public static ChartScenario DevWithLargeNumbers { get; } = new(
        "dev-large-numbers",
        [File("values-dev.yaml"), Inline("migrations: {ttlSecondsAfterFinished: 2592000, activeDeadlineSeconds: 1000000}")],
        ApiVersions: [PrometheusOperator]);

    public static IReadOnlyList<ChartScenario> All { get; } = [Dev, DevWithoutPrometheusOperator, Production, ProductionEverything, ProductionWithConsole, DevWithLargeNumbers];

    public static TheoryData<string> Names => [.. All.Select(s => s.Name)];

    public static ChartScenario Named(string name) => All.Single(s => s.Name == name);

    public RenderResult Render(string? chartDirectory = null) =>
        chartDirectory is null
            ? Renders.GetOrAdd(this, s => new Lazy<RenderResult>(() => s.RenderUncached(Repository.Chart))).Value
            : RenderUncached(chartDirectory);

    /// <summary>The rendered objects; fails the test with the renderer's message when rendering failed.</summary>
    public IReadOnlyList<RenderedObject> Objects(string? chartDirectory = null)
    {
        var result = Render(chartDirectory);
        Assert.True(result.ExitCode == 0, $"Rendering {Name} failed:\n{result.Errors}");
        return RenderedObject.Parse(result.Output);
    }

    /// <summary>The merged values (what Helm checks against values.schema.json), as JSON.</summary>
    public string MergedValues(string? chartDirectory = null)
    {
        var result = ChartRenderer.Render(chartDirectory ?? Repository.Chart, [.. ValueArguments(), "-print-values"]);
        Assert.True(result.ExitCode == 0, $"Merging the values of {Name} failed:\n{result.Errors}");
        return result.Output;
    }

    /// <summary>The enabled components and their merged role ("gateway" or "service").</summary>
    public IReadOnlyDictionary<string, string> Components()
    {
        var values = System.Text.Json.Nodes.JsonNode.Parse(MergedValues())!;
        var defaults = values["componentDefaults"];
        return values["components"]!.AsObject()
            .Where(c => c.Value is not null && ((bool?)c.Value["enabled"] ?? (bool?)defaults?["enabled"] ?? true))
            .ToDictionary(c => c.Key, c => (string?)c.Value!["role"] ?? (string?)defaults?["role"] ?? "service");
    }

    public string TopicNamespace => (string?)System.Text.Json.Nodes.JsonNode.Parse(MergedValues())!["kafka"]?["topicNamespace"] ?? "";

    public override string ToString() => Name;

    private RenderResult RenderUncached(string chartDirectory) =>
        ChartRenderer.Render(chartDirectory, [
            .. ValueArguments(), "-release", Release, "-namespace", "platform",
            .. (ApiVersions ?? []).SelectMany(v => new[] { "-api-versions", v })]);

    private IEnumerable<string> ValueArguments() => Values.SelectMany(v => new[] { "-f", v });

    private static string File(string name) => Repository.ChartFile(name);

    /// <summary>Writes inline values to a file, since the renderer reads values files like helm -f.</summary>
    public static string Inline(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), "platform-chart-values", $"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(yaml)))[..16]}.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, yaml);
        return path;
    }
}
