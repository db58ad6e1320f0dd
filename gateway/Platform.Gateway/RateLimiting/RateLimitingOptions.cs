namespace Platform.Gateway.RateLimiting;

/// <summary>
/// Per-caller rate limits (section <c>RateLimiting</c>): a token bucket per client id for callers with a valid token,
/// and one per remote address for everyone else (the token endpoint, the API reference, refused tokens).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public TokenBucket Clients { get; set; } = new() { PermitLimit = 200, TokensPerPeriod = 100 };

    /// <summary>Smaller: an anonymous call is a token request (a PBKDF2 hash, about a tenth of a second of CPU) or a probe.</summary>
    public TokenBucket Anonymous { get; set; } = new() { PermitLimit = 30, TokensPerPeriod = 5 };
}

/// <summary>A bucket of <see cref="PermitLimit"/> requests, refilled by <see cref="TokensPerPeriod"/> every <see cref="Period"/>.</summary>
public sealed class TokenBucket
{
    public int PermitLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsValid => PermitLimit > 0 && TokensPerPeriod > 0 && Period > TimeSpan.Zero;
}
