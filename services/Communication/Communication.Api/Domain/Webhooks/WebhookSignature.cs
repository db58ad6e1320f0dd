using System.Security.Cryptography;
using System.Text;

namespace Communication.Api.Domain.Webhooks;

/// <summary>
/// How a receiver knows a delivery is ours and unaltered: HMAC-SHA256 (RFC 2104) with the subscription's secret over
/// "<c>{timestamp}.{body}</c>", sent as <c>X-Platform-Signature: sha256=&lt;hex&gt;</c> with the timestamp in
/// <c>X-Platform-Timestamp</c> (Unix seconds), so a captured delivery cannot be replayed later under a new time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Platform-Signature";
    public const string TimestampHeader = "X-Platform-Timestamp";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, long timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}

/// <summary>
/// Retries of a failed delivery: exponential backoff from 2 s, doubling, capped at 10 minutes; given up after
/// <see cref="MaxAttempts"/> attempts (about 40 minutes in all).
/// </summary>
public static class WebhookBackoff
{
    public const int MaxAttempts = 8;

    public static TimeSpan After(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(600, 2 * Math.Pow(2, Math.Max(0, failedAttempts - 1))));
}
