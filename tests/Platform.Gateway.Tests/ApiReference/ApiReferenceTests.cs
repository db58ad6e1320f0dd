using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.ApiReference;

/// <summary>
/// The gateway's API reference: each service's document, fetched from the service and presented with the gateway as
/// its server and an OAuth 2.0 client credentials scheme; the list of documents; the interactive page.
/// </summary>
public sealed class ApiReferenceTests : IAsyncLifetime
{
    private const string ServiceDocument = """
        {
          "openapi": "3.1.1",
          "info": { "title": "TrustScore.Api | v1", "version": "1.0.0" },
          "servers": [ { "url": "http://10.1.2.3:8080/" } ],
          "paths": {
            "/api/trust/scores": {
              "get": {
                "summary": "Lists scores.",
                "security": [ { "bearer": [ ] } ],
                "x-platform-roles": [ "city", "coordinator", "evaluator", "finance", "auditor" ]
              }
            },
            "/api/trust/openapi/v1.json": { "get": { "summary": "Anonymous." } }
          },
          "components": { "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } } }
        }
        """;

    private StubServer service = null!;
    private GatewayFactory Gateway { get; set; } = null!;

    public async Task InitializeAsync()
    {
        service = await StubServer.StartAsync(c =>
        {
            if (c.Request.Path == "/api/trust/openapi/v1.json")
            {
                c.Response.ContentType = "application/json";
                return c.Response.WriteAsync(ServiceDocument);
            }

            c.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        Gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?>(GatewayFactory.AllClustersAt(EchoServer.ClosedAddress()))
            {
                ["ReverseProxy:Clusters:trust-score:Destinations:d1:Address"] = service.Address,
            },
        };
    }

    [Fact]
    public async Task ListsTheDocumentOfEveryService()
    {
        var index = await Gateway.CreateClient().GetFromJsonAsync<JsonElement>("/openapi");

        var names = index.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Equal(["communication", "compensation-fund", "cost-sharing", "evaluation", "trust-score"], names);
        Assert.All(index.EnumerateArray(), e => Assert.StartsWith("http://localhost/openapi/", e.GetProperty("url").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PresentsAServiceDocumentWithTheGatewayAsServerAndClientCredentials()
    {
        var document = await Gateway.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/trust-score.json");

        Assert.Equal("http://localhost", Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        var oauth2 = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");
        Assert.Equal("http://localhost/connect/token", oauth2.GetProperty("flows").GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        var list = document.GetProperty("paths").GetProperty("/api/trust/scores").GetProperty("get");
        Assert.Equal(["oauth2", "bearer"], list.GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Single().Name));
        Assert.Equal(5, list.GetProperty("x-platform-roles").GetArrayLength());
        Assert.False(document.GetProperty("paths").GetProperty("/api/trust/openapi/v1.json").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task AnswersProblemsForAnUnknownServiceAndForOneThatIsDown()
    {
        var http = Gateway.CreateClient();

        using var unknown = await http.GetAsync("/openapi/weather.json");
        using var down = await http.GetAsync("/openapi/evaluation.json");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ServesTheInteractivePageWithEveryDocumentAndTheTokenEndpoint()
    {
        using var response = await Gateway.CreateClient().GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/trust-score.json", page, StringComparison.Ordinal);
        Assert.Contains("openapi/cost-sharing.json", page, StringComparison.Ordinal);
        Assert.Contains("http://localhost/connect/token", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServesTheAsyncApiDocumentOfTheIntegrationEventsAnonymously()
    {
        var document = await Gateway.CreateClient().GetFromJsonAsync<JsonElement>("/asyncapi");

        Assert.Equal("3.0.0", document.GetProperty("asyncapi").GetString());
        var addresses = document.GetProperty("channels").EnumerateObject().Select(c => c.Value.GetProperty("address").GetString()).ToList();
        Assert.Contains("trust-score.events.v1", addresses);
        Assert.True(document.GetProperty("components").GetProperty("messages").TryGetProperty("trust-score.tier-changed", out _));
    }

    [Fact]
    public async Task IntroducesTheEventsAServicePublishesWithALinkToTheAsyncApiDocument()
    {
        var document = await Gateway.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/trust-score.json");

        var introduction = document.GetProperty("info").GetProperty("description").GetString();
        Assert.Contains("`trust-score.tier-changed` v1", introduction, StringComparison.Ordinal);
        Assert.Contains("(http://localhost/asyncapi)", introduction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageShowsTheEventsAndHidesTheVendorsClientButtonAndAiFeatures()
    {
        var page = await Gateway.CreateClient().GetStringAsync("/docs");

        Assert.Contains("{\"title\":\"Integration events (AsyncAPI)\",\"url\":\"asyncapi\"}", page, StringComparison.Ordinal);
        Assert.Matches("\"hideClientButton\":\\s*true", page);
        Assert.Matches("\"agent\":\\s*\\{\"disabled\":\\s*true", page);
        Assert.Matches("\"mcp\":\\s*\\{[^}]*\"disabled\":\\s*true", page);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await service.DisposeAsync();
    }
}
