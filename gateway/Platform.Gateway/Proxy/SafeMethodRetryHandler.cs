using System.Net;
using Polly;
using Polly.Retry;
using Prometheus;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Retries a forwarded request when it could not be delivered or the service answered 502, 503 or 504, but only for
/// GET, HEAD and OPTIONS without a body.
/// </summary>
/// <remarks>
/// Implementation note: RFC 9110 §9.2.2 calls PUT and DELETE idempotent too, but the gateway streams request bodies
/// without buffering them, so a PUT cannot be sent twice; and a PUT whose first attempt was applied but whose answer
/// was lost would come back as a 409 version conflict on the retry, telling the caller the wrong thing. Safe methods
/// (§9.2.1) change nothing, so sending them again is harmless. A timeout is not retried: the request's time is spent.
/// </remarks>
internal sealed class SafeMethodRetryHandler : DelegatingHandler
{
    private static readonly Counter Retries = Metrics.CreateCounter(
        "gateway_upstream_retries_total", "Forwarded safe requests sent again after a failed attempt, by cluster.",
        new CounterConfiguration { LabelNames = ["cluster"] });

    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public SafeMethodRetryHandler(RetryOptions options, string clusterId)
    {
        var retries = Retries.WithLabels(clusterId);
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.Delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(r => r.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    retries.Inc();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public static bool IsRetryable(HttpRequestMessage request) =>
        (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options)
        && (request.Content is null || request.Content.Headers.ContentLength == 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!IsRetryable(request))
        {
            return base.SendAsync(request, cancellationToken);
        }

        return pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken).AsTask();
    }
}
