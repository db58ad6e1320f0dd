using System.Text.Json;
using Json.Schema;
using Platform.Charts.Tests.Rendering;

namespace Platform.Charts.Tests.Validation;

/// <summary>
/// charts/platform/values.schema.json applied as Helm applies it: to the merged values (the chart's
/// values.yaml with the user's files over it), before rendering.
/// </summary>
public static class ValuesSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Repository.ChartFile("values.schema.json"))));

    /// <summary>The schema's complaints about merged values (JSON); empty when they are valid.</summary>
    public static IReadOnlyList<string> Problems(string mergedValuesJson)
    {
        using var values = JsonDocument.Parse(mergedValuesJson);
        var result = Schema.Value.Evaluate(values.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .DefaultIfEmpty("invalid")];
    }
}
