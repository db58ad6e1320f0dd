namespace Platform.Messaging.Health;

/// <summary>
/// When the relay and the consumer last made progress: a relay pass that published, found nothing to do, or found
/// another replica relaying; a consumer poll. Readiness reads it, so a replica whose loops are stuck (a broken producer,
/// a wedged consumer) stops being ready even while the broker still answers metadata requests.
/// </summary>
public sealed class RelayProgress(TimeProvider clock)
{
    private long _relayTicks = clock.GetUtcNow().UtcTicks;
    private long _consumerTicks = clock.GetUtcNow().UtcTicks;

    public DateTimeOffset LastRelayProgress => new(Interlocked.Read(ref _relayTicks), TimeSpan.Zero);

    public DateTimeOffset LastConsumerPoll => new(Interlocked.Read(ref _consumerTicks), TimeSpan.Zero);

    public void Published() => Interlocked.Exchange(ref _relayTicks, clock.GetUtcNow().UtcTicks);

    public void Idle() => Published();

    public void Polled() => Interlocked.Exchange(ref _consumerTicks, clock.GetUtcNow().UtcTicks);
}
