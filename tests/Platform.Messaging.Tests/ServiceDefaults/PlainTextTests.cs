using System.Text.Json;
using Platform.ServiceDefaults.Api;
using Xunit;

namespace Platform.Messaging.Tests.ServiceDefaults;

/// <summary>NUL and bidirectional formatting marks are refused in every JSON string of a request, nested ones too.</summary>
public sealed class PlainTextTests
{
    private sealed record Line(string Description, decimal Amount);

    private sealed record Claim(string CityId, IReadOnlyList<Line> Lines, string? Note);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new PlainTextJsonConverter() } };

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u202E")]
    [InlineData("\\u2066")]
    [InlineData("\\u200F")]
    [InlineData("\\u061C")]
    public void AForbiddenCharacterAnywhereIsBadInput(string escaped)
    {
        var top = $$"""{"cityId":"hang{{escaped}}zhou","lines":[],"note":null}""";
        var nested = $$"""{"cityId":"hangzhou","lines":[{"description":"pumps{{escaped}}","amount":1.00}]}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Claim>(top, Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Claim>(nested, Options));
    }

    [Fact]
    public void ChineseTextLineBreaksTabsAndNullsAreRead()
    {
        var claim = JsonSerializer.Deserialize<Claim>("""{"cityId":"杭州","lines":[{"description":"抽水泵\n第二行\t完","amount":1.00}],"note":null}""", Options)!;

        Assert.Equal("杭州", claim.CityId);
        Assert.Equal("抽水泵\n第二行\t完", claim.Lines[0].Description);
        Assert.Null(claim.Note);
    }

    [Theory]
    [InlineData("a\u0000b", true)]
    [InlineData("a\u202Db", true)]
    [InlineData("a\u2069b", true)]
    [InlineData("a\u200Eb", true)]
    [InlineData("a\nb\tc\r", false)]
    [InlineData("مرحبا", false)]
    [InlineData(null, false)]
    public void TellsForbiddenCharacters(string? value, bool forbidden)
    {
        Assert.Equal(forbidden, PlainText.HasForbidden(value));
    }
}
