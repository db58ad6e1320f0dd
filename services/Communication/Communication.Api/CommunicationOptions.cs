namespace Communication.Api;

/// <summary>Settings of section <c>Communication</c>.</summary>
public sealed class CommunicationOptions
{
    public const string SectionName = "Communication";

    /// <summary>Acknowledgement deadlines by level (the defaults).</summary>
    public DeadlineSettings AcknowledgementDeadlines { get; set; } = new();

    /// <summary>How often overdue acknowledgements and stale snapshots are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A comment line sent on an idle feed, well inside the gateway's one-minute activity timeout.</summary>
    public TimeSpan FeedHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a feed waits for a notification before it checks the store anyway (a lost NOTIFY costs at most this).</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The agreed refresh interval of base-data snapshots, in days.</summary>
    public int SnapshotRefreshIntervalDays { get; set; } = 90;

    public sealed class DeadlineSettings
    {
        public TimeSpan Red { get; set; } = Domain.Acknowledgements.AcknowledgementDeadlines.Default.Red;

        public TimeSpan Orange { get; set; } = Domain.Acknowledgements.AcknowledgementDeadlines.Default.Orange;

        public TimeSpan Yellow { get; set; } = Domain.Acknowledgements.AcknowledgementDeadlines.Default.Yellow;

        public TimeSpan Blue { get; set; } = Domain.Acknowledgements.AcknowledgementDeadlines.Default.Blue;

        public Domain.Acknowledgements.AcknowledgementDeadlines ToDeadlines() => new(Red, Orange, Yellow, Blue);
    }
}
