using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Api;

/// <summary>
/// Characters no request of the platform has a use for, refused wherever they arrive (docs/architecture.md §5): NUL,
/// which PostgreSQL cannot store in text or JSON (it answered 500 before), and the bidirectional formatting marks
/// that can make a line read as another city's or another amount ("Trojan Source", CVE-2021-42574). Line breaks and
/// tabs stay allowed in free text.
/// </summary>
public static class PlainText
{
    public static bool IsForbidden(char c) =>
        c == '\0' || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static bool HasForbidden(string? value) => value is not null && value.Any(IsForbidden);

    public const string Reason = "Text may not contain NUL or bidirectional formatting characters.";
}

/// <summary>Refuses every JSON string holding a <see cref="PlainText"/>-forbidden character: the body is bad input (400).</summary>
public sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return PlainText.HasForbidden(value) ? throw new JsonException(PlainText.Reason) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>The same rule for the path and the query string, which no JSON converter sees.</summary>
internal sealed class PlainTextUrlGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (PlainText.HasForbidden(context.Request.Path.Value) || context.Request.Query.Any(q => PlainText.HasForbidden(q.Key) || q.Value.Any(PlainText.HasForbidden)))
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "Malformed request", PlainText.Reason).ExecuteAsync(context);
        }

        return next(context);
    }
}
