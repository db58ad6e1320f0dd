using FinanceConsole.Web.Endpoints;
using Xunit;

namespace FinanceConsole.Tests.Unit;

/// <summary>The language switch and sign-in return only to the console's own pages: no open redirect.</summary>
public sealed class ReturnPathTests
{
    [Theory]
    [InlineData("/bank?status=unmatched", "/bank?status=unmatched")]
    [InlineData("/", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("bank", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void KeepsLocalPathsOnly(string? returnUrl, string expected) =>
        Assert.Equal(expected, ConsoleEndpoints.LocalPath(returnUrl));
}
