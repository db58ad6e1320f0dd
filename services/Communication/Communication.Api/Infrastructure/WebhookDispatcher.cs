using System.Globalization;
using System.Text;
using System.Text.Json;
using Communication.Api.Domain.Webhooks;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Communication.Api.Infrastructure;

/// <summary>
/// Sends queued webhook deliveries, signed, and retries failures with backoff. A replica claims a delivery by pushing its next
/// attempt a lease ahead in a versioned write before sending, so two replicas never send the same attempt; a replica that dies
/// mid-send leaves the delivery to be retried when the lease runs out (at least once, idempotent by warning id).
/// </summary>
public sealed class WebhookDispatcher(
    IDocumentStore store, IHttpClientFactory clients, TimeProvider clock, IOptions<JsonOptions> json, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Webhook dispatch failed; trying again shortly");
            }

            await Task.Delay(Poll, clock, stoppingToken);
        }
    }

    public async Task DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var query = store.QuerySession();
        var due = await query.Query<WebhookDelivery>()
            .Where(d => d.Status == WebhookDelivery.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(50).ToListAsync(cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, SendAsync);
    }

    private async ValueTask SendAsync(WebhookDelivery candidate, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var delivery = await session.LoadAsync<WebhookDelivery>(candidate.Id, cancellationToken);
        var subscription = await session.LoadAsync<WebhookSubscription>(candidate.SubscriptionId, cancellationToken);
        if (delivery is not { Status: WebhookDelivery.Pending } || subscription is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        delivery.NextAttemptAt = now + Lease;
        session.Store(delivery);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return;
        }

        var error = await PostAsync(subscription, delivery, cancellationToken);
        await using var result = store.LightweightSession();
        var claimed = await result.LoadAsync<WebhookDelivery>(delivery.Id, cancellationToken) ?? delivery;
        if (error is null)
        {
            claimed.Succeed(clock.GetUtcNow());
        }
        else if (claimed.Fail(error, clock.GetUtcNow()))
        {
            CommunicationMetrics.WebhookFailures.WithLabels("true").Inc();
            logger.LogWarning("Gave up webhook delivery {Delivery} to {Url}: {Error}", claimed.Id, subscription.Url, error);
        }
        else
        {
            CommunicationMetrics.WebhookFailures.WithLabels("false").Inc();
        }

        result.Store(claimed);
        await result.SaveChangesAsync(cancellationToken);
    }

    private async Task<string?> PostAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(delivery.Warning, json.Value.SerializerOptions);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", delivery.WarningId.ToString());
        request.Headers.Add("X-Platform-Event", "warning");
        request.Headers.Add("X-Platform-Delivery", delivery.Id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, timestamp, body));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return e.Message;
        }
    }
}
