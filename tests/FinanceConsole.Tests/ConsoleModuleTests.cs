using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace FinanceConsole.Tests;

/// <summary>
/// The console's pipeline in process, without the platform: a form post under the <c>/console</c> path base reaches its
/// endpoint. Routing used to run before the path base was taken off, so every post (sign-out, bank upload) answered 405.
/// </summary>
public sealed class ConsoleModuleTests : IClassFixture<ConsoleModuleTests.Console>
{
    private readonly Console _console;

    public ConsoleModuleTests(Console console) => _console = console;

    [Fact]
    public async Task AFormPostUnderThePathBaseReachesItsEndpoint()
    {
        using var client = _console.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // No antiforgery token: the sign-out endpoint itself refuses it (400), which only an endpoint that was reached can do.
        using var response = await client.PostAsync("/console/account/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ThePagesAnswerUnderThePathBaseOnly()
    {
        using var client = _console.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var language = await client.GetAsync("/console/language?to=en&returnUrl=%2Fbank");

        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Equal("/console/bank", language.Headers.Location!.OriginalString);
    }

    /// <summary>The console alone; its gateway is never called by these requests.</summary>
    public sealed class Console : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("Console:Gateway", "http://127.0.0.1:9")
                .UseSetting("Console:ClientSecret", "console-dev-secret");
    }
}
