using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Security;
using Prometheus;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// The gateway's rate limit, partitioned by the client id of the validated token, or by remote address for callers
/// without one. Runs after authentication (a forged token cannot claim another client's bucket) and before
/// authorization (refused calls still spend the caller's budget, so guessing tokens is rate limited too). A refusal is
/// a 429 problem with <c>Retry-After</c> (RFC 6585 §4, RFC 9110 §10.2.3).
/// </summary>
public static class ClientRateLimiting
{
    private static readonly Counter Rejections = Metrics.CreateCounter(
        "gateway_rate_limit_rejections_total", "Requests refused with 429 by the per-client rate limit, by client id ('anonymous' for per-address limits).",
        new CounterConfiguration { LabelNames = ["client"] });

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        // Touched here so that the counter exists from start-up: /metrics declares it before the first refusal, and
        // the gateway dashboard shows 0 instead of "no data" (checked by MonitoredMetricsExportedTests).
        _ = Rejections;
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName)
            .Validate(o => o.Clients.IsValid && o.Anonymous.IsValid, "RateLimiting: PermitLimit, TokensPerPeriod and Period must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, limits) =>
        {
            var settings = limits.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => RejectAsync(context, settings, cancellationToken);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitingOptions settings)
    {
        var (key, bucket) = ClientId(context) is { } clientId
            ? ("client:" + clientId, settings.Clients)
            : ("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), settings.Anonymous);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.PermitLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = bucket.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static string? ClientId(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirst(PlatformClaims.ClientId)?.Value ?? context.User.FindFirst(PlatformClaims.Subject)?.Value ?? "unnamed"
            : null;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitingOptions settings, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var clientId = ClientId(context);
        Rejections.WithLabels(clientId ?? "anonymous").Inc();

        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? wait
            : (clientId is null ? settings.Anonymous : settings.Clients).Period;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = clientId is null
                    ? $"Too many requests without a valid token from this address; retry after {seconds} s."
                    : $"Client '{clientId}' has used up its rate limit; retry after {seconds} s.",
            },
        });
    }
}
