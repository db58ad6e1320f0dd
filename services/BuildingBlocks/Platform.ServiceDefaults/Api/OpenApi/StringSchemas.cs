using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.Api.OpenApi;

/// <summary>
/// Says "string" again where the document generator cannot: every string goes through the
/// <see cref="PlainTextJsonConverter"/> (the forbidden-character guard), and the generator describes a type with a custom
/// converter as an empty schema (anything at all), which generated clients read as an untyped node. Lists of strings
/// lose their item schema the same way.
/// </summary>
/// <remarks>
/// Implementation note: nullability follows the property's annotation (<c>string?</c> → <c>["null", "string"]</c>, as
/// the generator writes it without a converter); parameters and list items are plain strings.
/// </remarks>
public static class StringSchemas
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static Task ApplyAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(string) && schema.Type is null && schema.AllOf is not { Count: > 0 } && schema.OneOf is not { Count: > 0 })
        {
            schema.Type = IsNullable(context) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        else if (schema.Type is { } array && array.HasFlag(JsonSchemaType.Array) && IsListOfStrings(type)
            && (schema.Items is null || schema.Items is OpenApiSchema { Type: null, AllOf: null or { Count: 0 } }))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(OpenApiSchemaTransformerContext context)
    {
        lock (Nullability)
        {
            return context.JsonPropertyInfo?.AttributeProvider switch
            {
                PropertyInfo property => Nullability.Create(property).ReadState == NullabilityState.Nullable,
                FieldInfo field => Nullability.Create(field).ReadState == NullabilityState.Nullable,
                _ => false,
            };
        }
    }

    private static bool IsListOfStrings(Type type) =>
        type == typeof(string[])
        || (type.IsGenericType && type.GetGenericArguments() is [var item] && item == typeof(string)
            && typeof(IEnumerable<string>).IsAssignableFrom(type));
}
