using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Idempotency;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>
/// The canonical form an <c>Idempotency-Key</c>'s record hashes: the same request however it was spelled, and byte for
/// byte the form the fund recorded before it was written token by token (a retry across the upgrade must still match).
/// </summary>
public sealed class CanonicalJsonTests
{
    private sealed record Line(string Account, string Side, decimal Amount, string? Memo = null);

    private sealed record Entry(string Description, string? Reference, IReadOnlyList<Line> Lines, double? Rate = null, bool Urgent = false, int[]? Tags = null);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> Documents() =>
    [
        """{"b":1,"A":2,"c":null,"d":[1,null,{"Z":"x","y":1.50}]}""",
        """{"text":"caf\u00e9 \"quoted\" <tag> & 城市 \u202E","n":-0.000,"big":1e300,"small":1e-40,"exp":125e-2,"t":true,"f":false}""",
        """[1.0, 2.10, 3e2, "s", null, [], {}]""",
        """{"Amount":79228162514264337593543950335,"frac":0.1234567890123456789012345678}""",
        "\"just a string\"",
        "12.500",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void TheBytesAreThoseOfTheEarlierTreeForm(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(Encoding(EarlierForm(JsonNode.Parse(json))), Encoding(Written(document.RootElement)));
    }

    [Fact]
    public void ABoundBodyIsTheSameRequestWhateverItsSpellingAndAnotherAmountIsNot()
    {
        var sent = new Entry("digits", null, [new("fund:bank", "debit", 5.5m), new("fund:income:interest", "credit", 5.5m)]);
        var respelled = new Entry("digits", null, [new("fund:bank", "debit", 5.500m), new("fund:income:interest", "credit", 5.50m, null)]);
        var other = sent with { Lines = [new("fund:bank", "debit", 5.51m), new("fund:income:interest", "credit", 5.51m)] };

        var canonical = CanonicalJson.Of(sent, typeof(Entry), Web);

        Assert.Equal(canonical, CanonicalJson.Of(respelled, typeof(Entry), Web));
        Assert.NotEqual(canonical, CanonicalJson.Of(other, typeof(Entry), Web));
        Assert.Equal(
            """{"description":"digits","lines":[{"account":"fund:bank","amount":5.5,"side":"debit"},{"account":"fund:income:interest","amount":5.5,"side":"credit"}],"urgent":false}""",
            System.Text.Encoding.UTF8.GetString(canonical));
    }

    private static byte[] Written(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            CanonicalJson.Write(writer, element);
        }

        return buffer.ToArray();
    }

    private static string Encoding(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    private static byte[] EarlierForm(JsonNode? node) => JsonSerializer.SerializeToUtf8Bytes(EarlierCanonical(node));

    /// <summary>The fund's canonical form as it was built until 2026-12-03 (a JsonNode tree), kept here as the reference.</summary>
    private static JsonNode? EarlierCanonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null)
            .Select(p => KeyValuePair.Create(p.Key.ToLowerInvariant(), EarlierCanonical(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)),
        JsonArray a => new JsonArray([.. a.Select(EarlierCanonical)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) =>
            JsonValue.Create(d / 1.0000000000000000000000000000m),
        _ => node?.DeepClone(),
    };
}
