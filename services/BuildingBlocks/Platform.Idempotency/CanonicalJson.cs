using System.Globalization;
using System.Text.Json;

namespace Platform.Idempotency;

/// <summary>
/// The canonical form of a JSON value, so that a request is recognised by what it says, not how it was spelled:
/// properties lower-cased and sorted (ordinal), null properties dropped, numbers that a decimal holds written in their
/// shortest exact form (<c>5.5</c> for <c>5.50</c> or <c>55e-1</c>), strings with the default escaping.
/// </summary>
/// <remarks>
/// Implementation note: written token by token from a <see cref="JsonElement"/> into a <see cref="Utf8JsonWriter"/>;
/// the bytes are exactly those of the earlier form built as a <c>JsonNode</c> tree, so keys recorded before still match
/// their retries. Building that tree, with the body buffered besides, was about a tenth of the fund's CPU per request in a
/// trial (docs/compensation-fund.md §12).
/// </remarks>
public static class CanonicalJson
{
    private const decimal One = 1.0000000000000000000000000000m;

    public static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<KeyValuePair<string, JsonElement>>();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.Null)
                    {
                        properties.Add(KeyValuePair.Create(property.Name.ToLowerInvariant(), property.Value));
                    }
                }

                properties.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                writer.WriteStartObject();
                foreach (var (name, value) in properties)
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number when decimal.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(number / One);
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/> serialized as <paramref name="type"/> with <paramref name="options"/>.</summary>
    public static byte[] Of(object value, Type type, JsonSerializerOptions options)
    {
        using var document = JsonSerializer.SerializeToDocument(value, type, options);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, document.RootElement);
        }

        return buffer.ToArray();
    }
}
