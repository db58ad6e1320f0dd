using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.DemoSeeder;

/// <summary>
/// Retries what a platform that is still starting answers: refused connections, timeouts, and 5xx/408/429
/// from a gateway whose services are not up yet. Anything else (400, 401, 403, 409) is an answer, not a
/// failure to retry.
/// </summary>
internal static class GatewayRetry
{
    /// <summary>About five minutes in all: long enough for a cold start of every service on a busy machine.</summary>
    private const int MaxRetryAttempts = 60;

    public static ResiliencePipeline<HttpResponseMessage> Create(TextWriter log) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(5),
                UseJitter = true,
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.Message
                        ?? $"{(int)args.Outcome.Result!.StatusCode} {args.Outcome.Result.ReasonPhrase}";
                    log.WriteLine($"  gateway not ready ({reason}); retry {args.AttemptNumber + 1} in {args.RetryDelay.TotalSeconds:0.0} s");
                    return default;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(15))
            .Build();

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
