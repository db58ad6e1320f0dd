using Communication.Api.Domain.Feed;

namespace Communication.Api.Domain.Webhooks;

/// <summary>A city's registered endpoint for warnings that reach it; the secret signs each delivery.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }

    public string CityId { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One warning to one subscription. Its id is the warning and the subscription, so a warning is queued for an endpoint at most
/// once; the warning id travels as the delivery's <c>Idempotency-Key</c>, so a receiver that sees a retry can ignore it.
/// </summary>
public sealed class WebhookDelivery
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public string Id { get; set; } = string.Empty;

    public Guid SubscriptionId { get; set; }

    public string CityId { get; set; } = string.Empty;

    public Guid WarningId { get; set; }

    public FeedWarning Warning { get; set; } = null!;

    public string Status { get; set; } = Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public static WebhookDelivery For(WebhookSubscription subscription, FeedWarning warning, DateTimeOffset now) => new()
    {
        Id = $"{warning.WarningId:N}/{subscription.Id:N}", SubscriptionId = subscription.Id, CityId = subscription.CityId,
        WarningId = warning.WarningId, Warning = warning, NextAttemptAt = now,
    };

    public void Succeed(DateTimeOffset now)
    {
        Attempts++;
        Status = Delivered;
        DeliveredAt = now;
        LastError = null;
    }

    /// <returns>True when this failure was the last attempt.</returns>
    public bool Fail(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error;
        if (Attempts >= WebhookBackoff.MaxAttempts)
        {
            Status = Failed;
            return true;
        }

        NextAttemptAt = now + WebhookBackoff.After(Attempts);
        return false;
    }
}
