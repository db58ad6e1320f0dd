using System.Text.RegularExpressions;
using FinanceConsole.Web.Localization;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace FinanceConsole.Tests.Unit;

public sealed partial class TextsTests
{
    [Theory]
    [InlineData(null, null, "zh")]
    [InlineData(null, "en-US,en;q=0.9", "en")]
    [InlineData(null, "zh-CN,zh;q=0.9,en;q=0.8", "zh")]
    [InlineData(null, "fr-FR", "zh")]
    [InlineData(null, "zh-CN;q=0.5,en-GB;q=0.8", "en")]
    [InlineData("zh", "en-US", "zh")]
    [InlineData("en", "zh-CN", "en")]
    [InlineData("de", "zh-CN", "zh")]
    public void ThePersonsChoiceWinsThenTheBrowsersEnglishElseChinese(string? cookie, string? acceptLanguage, string expected)
    {
        var context = new DefaultHttpContext();
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{Texts.CookieName}={cookie}";
        }

        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        Assert.Equal(expected, Texts.Resolve(context));
    }

    [Fact]
    public void EveryTextExistsInBothLanguagesWithTheSamePlaceholders()
    {
        foreach (var (key, (zh, en)) in TextTable.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(zh), key);
            Assert.False(string.IsNullOrWhiteSpace(en), key);
            Assert.Equal(Placeholders(en), Placeholders(zh));
        }
    }

    [Fact]
    public void AMissingTextShowsItsKeyRatherThanNothing()
    {
        var texts = new Texts(new HttpContextAccessor { HttpContext = new DefaultHttpContext() });

        Assert.Equal("no.such.text", texts["no.such.text"]);
        Assert.Equal("总览", texts["overview.title"]);
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
