using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Api.OpenApi;

namespace Platform.Contract.Tests.Versioning;

/// <summary>A deprecated operation announces itself in the document and on every answer (docs/api-versioning.md §3).</summary>
public sealed class DeprecationTests
{
    private static readonly DateTimeOffset Since = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Deprecated_operation_answers_with_deprecation_and_sunset_headers_and_is_marked_in_the_document()
    {
        await using var app = await StartAsync(e => e.Deprecated(Since, Since.AddMonths(6), "/api/fund/v2/statements"));
        using var client = app.GetTestClient();

        using var response = await client.GetAsync("/api/fund/statements");
        var document = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        Assert.Equal("@" + Since.ToUnixTimeSeconds(), response.Headers.GetValues("Deprecation").Single());
        Assert.Equal("Fri, 01 Jan 2027 00:00:00 GMT", response.Headers.GetValues("Sunset").Single());
        Assert.Equal("</api/fund/v2/statements>; rel=\"successor-version\"", response.Headers.GetValues("Link").Single());
        Assert.True((bool?)document!["paths"]!["/api/fund/statements"]!["get"]!["deprecated"]);
    }

    [Fact]
    public async Task A_sunset_sooner_than_six_months_after_the_announcement_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await StartAsync(e => e.Deprecated(Since, Since.AddMonths(5))));
    }

    private static async Task<WebApplication> StartAsync(Action<RouteHandlerBuilder> deprecate)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddOpenApi();
        builder.Services.AddPlatformOpenApiConventions();
        var app = builder.Build();
        app.MapOpenApi();
        deprecate(app.MapGet("/api/fund/statements", () => Results.Ok("statement")));
        await app.StartAsync();
        return app;
    }
}
