namespace Platform.Gateway.Proxy;

/// <summary>Retries of forwarded safe requests (section <c>Retry</c>); <c>MaxRetryAttempts = 0</c> turns them off.</summary>
public sealed class RetryOptions
{
    public const string SectionName = "Retry";

    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>Delay before the first retry; doubled for each further one, with jitter.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(100);
}
