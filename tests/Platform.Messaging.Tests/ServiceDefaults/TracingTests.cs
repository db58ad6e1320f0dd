using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Observability;
using Xunit;

namespace Platform.Messaging.Tests.ServiceDefaults;

/// <summary>
/// Spans are recorded only when an OTLP endpoint will export them; without one a request still has its activity, continuing
/// the caller's trace, so the trace context travels on (outbox rows, outgoing calls, a problem's <c>traceId</c>).
/// </summary>
public sealed class TracingTests
{
    private const string CallerTrace = "0af7651916cd43dd8448eb211c80319c";

    [Theory]
    [InlineData(null, false)]
    [InlineData("http://127.0.0.1:4317", true)]
    public async Task ARequestContinuesItsCallersTraceAndIsRecordedOnlyWhenExported(string? endpoint, bool recorded)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        builder.AddTracing("tracing-probe");
        await using var app = builder.Build();
        (string? TraceId, bool AllData)? seen = null;
        app.MapGet("/probe", () =>
        {
            seen = (Activity.Current?.TraceId.ToString(), Activity.Current?.IsAllDataRequested ?? false);
            return Results.Ok();
        });
        await app.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/probe");
        request.Headers.Add("traceparent", $"00-{CallerTrace}-b7ad6b7169203331-01");
        (await app.GetTestClient().SendAsync(request)).EnsureSuccessStatusCode();

        Assert.Equal((CallerTrace, recorded), seen);
    }
}
