using Communication.Api.Domain.Warnings;

namespace Communication.Api.Domain.Acknowledgements;

/// <summary>
/// How long a reached city has to acknowledge a warning, by level (red 15 min, orange 30 min, yellow 2 h, blue 24 h by
/// default; configurable per agreement, here by configuration section <c>Communication:AcknowledgementDeadlines</c>).
/// </summary>
public sealed record AcknowledgementDeadlines(TimeSpan Red, TimeSpan Orange, TimeSpan Yellow, TimeSpan Blue)
{
    public static AcknowledgementDeadlines Default { get; } =
        new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(24));

    public TimeSpan For(WarningLevel level) => level switch
    {
        WarningLevel.Red => Red,
        WarningLevel.Orange => Orange,
        WarningLevel.Yellow => Yellow,
        _ => Blue,
    };
}
