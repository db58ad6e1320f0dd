using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using Platform.Charts.Tests.Rendering;

namespace Platform.Charts.Tests.Validation;

/// <summary>
/// Checks a rendered object against the official Kubernetes API models (KubernetesClient): strict
/// deserialization refuses unknown fields and wrong types, as the API server does. Custom resources
/// of the operators the chart targets (Strimzi, CloudNativePG, prometheus-operator) have no model in
/// the client; for them only the identity is checked here, and their content by the platform rules.
/// </summary>
public static class KubernetesModels
{
    private static readonly HashSet<string> KnownCustomResources =
    [
        "kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaTopic",
        "kafka.strimzi.io/v1beta2/Kafka", "kafka.strimzi.io/v1beta2/KafkaNodePool", "kafka.strimzi.io/v1beta2/KafkaTopic",
        "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database",
        "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PrometheusRule",
    ];

    private static readonly Dictionary<string, Type> ModelTypes = typeof(V1Deployment).Assembly.GetTypes()
        .Select(type => (type, entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(t => t.entity is not null && !t.type.Name.EndsWith("List", StringComparison.Ordinal))
        .GroupBy(t => Key(t.entity!.Group, t.entity.ApiVersion, t.entity.Kind))
        .ToDictionary(g => g.Key, g => g.First().type);

    private static readonly JsonSerializerOptions Strict = CreateStrictOptions();

    /// <summary>The problems of one object; empty when the API server would accept its shape.</summary>
    public static IReadOnlyList<string> Problems(RenderedObject rendered)
    {
        var key = $"{rendered.ApiVersion}/{rendered.Kind}";
        if (KnownCustomResources.Contains(key))
        {
            return string.IsNullOrEmpty(rendered.Name) ? [$"{rendered}: metadata.name is empty"] : [];
        }

        if (!ModelTypes.TryGetValue(key, out var type))
        {
            return [$"{rendered}: {key} is no Kubernetes API type known to the client, nor a known custom resource"];
        }

        try
        {
            _ = JsonSerializer.Deserialize(rendered.Json.ToJsonString(), type, Strict)
                ?? throw new JsonException("deserialized to null");
            return [];
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return [$"{rendered}: not a valid {type.Name}: {ex.Message}"];
        }
    }

    private static JsonSerializerOptions CreateStrictOptions()
    {
        // The client's own converters (quantities, int-or-string, dates), plus: an unknown field is an error.
        var options = new JsonSerializerOptions(GetClientOptions())
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }

    private static JsonSerializerOptions GetClientOptions()
    {
        // Not public; KubernetesJson.AddJsonOptions would change the client's options for the whole process.
        var field = typeof(KubernetesJson).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .First(f => f.FieldType == typeof(JsonSerializerOptions));
        return (JsonSerializerOptions)field.GetValue(null)!;
    }

    private static string Key(string group, string version, string kind) =>
        string.IsNullOrEmpty(group) ? $"{version}/{kind}" : $"{group}/{version}/{kind}";
}
