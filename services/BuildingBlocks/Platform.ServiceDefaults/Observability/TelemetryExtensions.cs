using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Observability;

public static class TelemetryExtensions
{
    /// <summary>The activity source of the messaging hops, so traces span HTTP and Kafka.</summary>
    public const string MessagingActivitySource = "Platform.Messaging";

    /// <summary>JSON logs with scopes (correlation id) and UTC timestamps; OTLP logs when an endpoint is configured.</summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        if (HasOtlpEndpoint(builder))
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
                o.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(serviceName));
            });
        }

        return builder;
    }

    /// <summary>
    /// Traces across HTTP and Kafka hops; exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. With no endpoint
    /// nothing would read a span, so none is recorded: every activity is still created with its trace and span ids, which
    /// travel on outgoing calls and messages and name a problem's <c>traceId</c>, but without tags, timings or processors.
    /// </summary>
    public static WebApplicationBuilder AddTracing(this WebApplicationBuilder builder, string serviceName)
    {
        var exported = HasOtlpEndpoint(builder);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddSource(MessagingActivitySource)
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health")
                        && !c.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation();
                if (!exported)
                {
                    t.SetSampler(new AlwaysOffSampler());
                }
            });
        if (exported)
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }

    private static bool HasOtlpEndpoint(WebApplicationBuilder builder) =>
        !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
