namespace Platform.Messaging;

/// <summary>Settings of one service's messaging, from the <c>Kafka</c> and <c>Messaging</c> configuration sections.</summary>
public sealed class MessagingOptions
{
    /// <summary>The service's name; also its Kafka consumer group and dead-letter topic suffix.</summary>
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>The topic this service publishes its integration events to.</summary>
    public string? PublishTopic { get; set; }

    public List<string> SubscribedTopics { get; } = [];

    public string BootstrapServers { get; set; } = "127.0.0.1:9092";

    /// <summary>How often the relay looks for unpublished messages when nothing signals it.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public int RelayBatchSize { get; set; } = 500;

    /// <summary>How long a produce may wait for the broker before the relay retries the message later.</summary>
    public TimeSpan ProduceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Failures of one outbox row that were its own (other rows of the same pass were acknowledged) before the relay parks
    /// it with an alert (<c>messaging_outbox_parked</c>) instead of retrying it for ever; a parked row holds its key until
    /// the coordinator republishes it. A broker outage fails every row and parks none.
    /// </summary>
    public int RelayParkAfter { get; set; } = 10;

    /// <summary>
    /// The relay's transaction holds its lock; if its replica freezes, PostgreSQL ends the transaction after this long idle
    /// (<c>idle_in_transaction_session_timeout</c>) and TCP keepalives notice a vanished peer, so another replica takes over.
    /// </summary>
    public TimeSpan RelayIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A replica whose relay or consumer has made no progress for this long is not ready.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the backlog metrics are sampled (not before every batch: counting a large backlog is itself a scan).</summary>
    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest message the broker accepts (Kafka's <c>message.max.bytes</c>, default 1 MB, minus room for the headers);
    /// a larger event is refused when it is enqueued, so it can never block the relay.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 1_000_000;

    /// <summary>Attempts of a failing handler before its message goes to the dead-letter topic.</summary>
    public int HandlerMaxAttempts { get; set; } = 5;

    public TimeSpan HandlerRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Delays between redeliveries of a parked message (one that threw <c>MessageNotReadyException</c>), comma-separated
    /// <c>hh:mm:ss</c>; the last delay is the last attempt: after it the message is dead-lettered and still holds its key.
    /// The default spreads nine attempts over about two days (minutes first, then hours), as MassTransit's and
    /// NServiceBus's delayed redelivery do. Tests set short delays.
    /// </summary>
    public string ParkingDelays { get; set; } = "00:01:00,00:05:00,00:15:00,01:00:00,02:00:00,04:00:00,08:00:00,12:00:00,1.00:00:00";

    /// <summary>How often parked messages are looked at for redelivery (a replay or discard wakes the releaser at once).</summary>
    public TimeSpan ParkingPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Members of the consumer group in each replica, each with its own loop and transaction; Kafka gives a partition to
    /// one member only, so per-key order is kept. More than the topics' partitions (4 in the chart) leaves the rest idle.
    /// </summary>
    public int ConsumerWorkers { get; set; } = 4;

    /// <summary>
    /// At most this many already-fetched messages are applied in one database transaction (a savepoint each). Kept at
    /// 64: a transaction with more than 64 subtransactions that wrote overflows PostgreSQL's per-backend subtransaction
    /// cache (<c>PGPROC_MAX_CACHED_SUBXIDS</c>), after which every snapshot on the server pays <c>pg_subtrans</c> look-ups
    /// while it is open.
    /// </summary>
    public int ConsumeBatchSize { get; set; } = 64;

    /// <summary>Consumed offsets are committed after this many messages or this much time, whichever first.</summary>
    public int CommitEveryMessages { get; set; } = 100;

    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Published outbox rows are kept this long for audit and then removed.</summary>
    public TimeSpan PublishedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Fault injection for crash tests: the relay kills the process after reading committed messages
    /// and before publishing them. Never set outside tests.
    /// </summary>
    public bool CrashBeforePublish { get; set; }

    public bool RelayEnabled { get; set; } = true;

    public bool ConsumerEnabled { get; set; } = true;

    /// <summary>
    /// Optional prefix for every topic and the consumer group, so that several copies of the platform
    /// (parallel test classes, preview environments) share one broker without seeing each other.
    /// </summary>
    public string? Namespace { get; set; }

    public string ConsumerGroup => Qualify(ServiceName);

    public string DeadLetterTopic => Qualify(Contracts.Topics.DeadLetter(ServiceName));

    public string Qualify(string name) => string.IsNullOrEmpty(Namespace) ? name : $"{Namespace}.{name}";
}
