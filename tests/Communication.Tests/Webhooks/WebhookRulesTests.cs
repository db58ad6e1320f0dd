using Communication.Api.Domain.Feed;
using Communication.Api.Domain.Webhooks;

namespace Communication.Tests.Webhooks;

/// <summary>Signing, backoff and the life of one delivery.</summary>
public sealed class WebhookRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SignsTimestampAndBodyWithHmacSha256()
    {
        // RFC 4231 style check against an independent computation: HMAC-SHA256("key", "1700000000.{}").
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("key"u8.ToArray(), "1700000000.{}"u8.ToArray()));

        Assert.Equal(expected, WebhookSignature.Sign("key", 1_700_000_000, "{}"));
        Assert.True(WebhookSignature.Verify("key", 1_700_000_000, "{}", expected));
    }

    [Theory]
    [InlineData("other-key", 1_700_000_000, "{}")]
    [InlineData("key", 1_700_000_001, "{}")]
    [InlineData("key", 1_700_000_000, "{ }")]
    public void ASignatureFailsForAnotherSecretTimeOrBody(string secret, long timestamp, string body)
    {
        Assert.False(WebhookSignature.Verify(secret, timestamp, body, WebhookSignature.Sign("key", 1_700_000_000, "{}")));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(9, 512)]
    [InlineData(10, 600)]
    [InlineData(30, 600)]
    public void BacksOffExponentiallyUpToTenMinutes(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookBackoff.After(failures));
    }

    [Fact]
    public void ADeliveryIsRetriedUntilItsLastAttemptThenGivenUp()
    {
        var delivery = Delivery();
        for (var attempt = 1; attempt < WebhookBackoff.MaxAttempts; attempt++)
        {
            Assert.False(delivery.Fail("HTTP 500", Now));
            Assert.Equal((WebhookDelivery.Pending, Now + WebhookBackoff.After(attempt)), (delivery.Status, delivery.NextAttemptAt));
        }

        Assert.True(delivery.Fail("HTTP 500", Now));
        Assert.Equal((WebhookDelivery.Failed, WebhookBackoff.MaxAttempts), (delivery.Status, delivery.Attempts));
    }

    [Fact]
    public void ASuccessEndsTheDelivery()
    {
        var delivery = Delivery();
        delivery.Fail("timeout", Now);

        delivery.Succeed(Now.AddSeconds(2));

        Assert.Equal((WebhookDelivery.Delivered, 2, (string?)null, (DateTimeOffset?)Now.AddSeconds(2)), (delivery.Status, delivery.Attempts, delivery.LastError, delivery.DeliveredAt));
    }

    [Fact]
    public void IsOneDeliveryPerWarningAndEndpoint()
    {
        var subscription = new WebhookSubscription { Id = Guid.NewGuid(), CityId = "hangzhou" };
        var warning = Warning();

        Assert.Equal(WebhookDelivery.For(subscription, warning, Now).Id, WebhookDelivery.For(subscription, warning, Now.AddHours(1)).Id);
        Assert.NotEqual(WebhookDelivery.For(subscription, warning, Now).Id, WebhookDelivery.For(subscription, Warning(), Now).Id);
    }

    private static WebhookDelivery Delivery() => WebhookDelivery.For(new WebhookSubscription { Id = Guid.NewGuid(), CityId = "hangzhou" }, Warning(), Now);

    private static FeedWarning Warning() =>
        new(Guid.NewGuid(), "x", "Alert", "huangshan", "natural-disaster", "red", "Flood", null, [], Now, null, null, null);
}
