using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.Api.OpenApi;

/// <summary>
/// Gives request and response properties examples in the domain's terms (docs/domain.md: yuan amounts exact to the fen,
/// the demo region's city ids, UTC ISO 8601 times), chosen by the property's name and type, so generated clients' docs
/// and the reference page show realistic bodies without an example per endpoint. An example is only set where it is
/// valid for the property's schema (type, pattern, length, enum), so the documents stay lint-clean.
/// </summary>
public static class DomainExamples
{
    public static Task ApplyAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // Money is a decimal, never a float (architecture.md §5): say so, so generated clients use decimal types
        // (Kiota maps format "decimal" to System.Decimal) instead of ASP.NET's default "double".
        if ((Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type) == typeof(decimal))
        {
            schema.Format = "decimal";
        }

        if (context.JsonPropertyInfo is not { } property || schema.Examples is { Count: > 0 } || schema.Enum is { Count: > 0 } || schema.Type is not { } type)
        {
            return Task.CompletedTask;
        }

        var name = property.Name;
        JsonNode? example = null;
        if (type.HasFlag(JsonSchemaType.String) && schema.Format is "uuid")
        {
            example = "0197f3c2-5a1e-7b3a-9f10-2a4c6e8b0d11";
        }
        else if (type.HasFlag(JsonSchemaType.String) && schema.Format is "date-time")
        {
            example = "2026-07-14T08:30:00+00:00";
        }
        else if (type.HasFlag(JsonSchemaType.String) && schema.Format is "date")
        {
            example = "2026-07-14";
        }
        else if (IsMoney(name) && (type.HasFlag(JsonSchemaType.Number) || type.HasFlag(JsonSchemaType.String)))
        {
            example = type.HasFlag(JsonSchemaType.String) ? "1250.00" : 1250.00m;
        }
        else if (type.HasFlag(JsonSchemaType.String) && schema.Format is null)
        {
            example = name switch
            {
                _ when name.Equals("cityId", StringComparison.OrdinalIgnoreCase) || name.EndsWith("CityId", StringComparison.Ordinal) => "huzhou",
                "currency" => "CNY",
                "period" => "2026-07",
                _ => null,
            };
        }

        if (example is not null && Fits(schema, example))
        {
            schema.Examples = [example];
        }

        return Task.CompletedTask;
    }

    private static bool IsMoney(string name) =>
        name is "amount" or "balance" or "total" || name.EndsWith("Amount", StringComparison.Ordinal) || name.EndsWith("Yuan", StringComparison.Ordinal);

    private static bool Fits(OpenApiSchema schema, JsonNode example)
    {
        if (example.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return true;
        }

        var text = example.GetValue<string>();
        return (schema.Pattern is null || Regex.IsMatch(text, schema.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            && (schema.MaxLength is null || text.Length <= schema.MaxLength)
            && (schema.MinLength is null || text.Length >= schema.MinLength);
    }
}
