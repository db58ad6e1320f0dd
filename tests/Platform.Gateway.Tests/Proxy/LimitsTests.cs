using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

/// <summary>
/// The request body limit and the request timeout, on a real Kestrel port: an oversized body is refused before (or
/// while) it is forwarded, and a service that does not answer in time yields a 504 problem, not a hung caller.
/// </summary>
public sealed class LimitsTests : IAsyncLifetime
{
    private StubServer service = null!;
    private GatewayFactory Gateway { get; set; } = null!;

    public async Task InitializeAsync()
    {
        service = await StubServer.StartAsync(AnswerAsync);
        Gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?>(GatewayFactory.AllClustersAt(service.Address))
            {
                ["Limits:MaxRequestBodyBytes"] = "1000",
                ["Limits:RequestTimeoutSeconds"] = "1",
            },
        }.StartOnKestrel();
    }

    [Fact]
    public async Task RefusesADeclaredOversizedBodyWithoutForwardingIt()
    {
        using var response = await SendAsync(new ByteArrayContent(new byte[5000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Request body too large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(0, service.Calls("POST", "/api/cost-sharing/members"));
    }

    [Fact]
    public async Task RefusesAChunkedOversizedBody()
    {
        using var response = await SendAsync(new ChunkedContent(50_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ForwardsABodyWithinTheLimit()
    {
        using var response = await SendAsync(new ByteArrayContent(new byte[900]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnswersGatewayTimeoutWhenTheServiceIsTooSlow()
    {
        var started = DateTime.UtcNow;
        using var response = await Gateway.CreateClient().SendAsync(
            Bearer.Request(HttpMethod.Get, "/api/evaluation/slow", Bearer.Token("coordinator")));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("evaluation", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await service.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(HttpContent body)
    {
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return Gateway.CreateClient().SendAsync(Bearer.Request(HttpMethod.Post, "/api/cost-sharing/members", Bearer.Token("coordinator"), body));
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api/evaluation/slow"))
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        await context.Request.Body.CopyToAsync(Stream.Null);
        await context.Response.WriteAsync("ok");
    }
}

/// <summary>A body of unknown length, so the client sends it chunked and only Kestrel's limit can stop it.</summary>
internal sealed class ChunkedContent(int length) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        stream.WriteAsync(new byte[length]).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
