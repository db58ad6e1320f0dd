namespace TrustScore.Api.Infrastructure;

/// <summary>
/// The trust service's notion of now: the injected <see cref="TimeProvider"/> (a fake one in tests), shifted by
/// <see cref="TrustOptions.ClockOffset"/>. Defaults, repairs and "now" scores all read it, so time can be driven.
/// </summary>
public sealed class TrustClock(TimeProvider time, TimeSpan offset)
{
    public DateTimeOffset Now => time.GetUtcNow() + offset;
}
