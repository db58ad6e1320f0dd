namespace Communication.Api.Domain.Acknowledgements;

/// <summary>
/// A reached city's duty to acknowledge one warning by <see cref="DueAt"/>: settled once, on time, late, or missed when the
/// deadline passes without an acknowledgement. Each settlement is published for trust-score as a kept or broken commitment.
/// An update or cancellation withdraws the open duties of the warning it replaces (the successor carries its own).
/// </summary>
public sealed class AcknowledgementDuty
{
    public const string OnTime = "on-time";
    public const string Late = "late";
    public const string Missed = "missed";
    public const string Withdrawn = "withdrawn";

    public string Id { get; set; } = string.Empty;

    public Guid WarningId { get; set; }

    public string CityId { get; set; } = string.Empty;

    public string Level { get; set; } = string.Empty;

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>Null while open.</summary>
    public string? Outcome { get; set; }

    public bool IsOpen => Outcome is null;

    public static string Key(Guid warningId, string cityId) => $"{warningId:N}/{cityId}";

    public static AcknowledgementDuty Open(Guid warningId, string cityId, string level, DateTimeOffset dueAt) =>
        new() { Id = Key(warningId, cityId), WarningId = warningId, CityId = cityId, Level = level, DueAt = dueAt };

    /// <summary>An acknowledgement up to and including the deadline is on time; after it, late (until the deadline sweep settles it as missed).</summary>
    /// <returns>False when the duty was already settled (a repeated acknowledgement changes nothing).</returns>
    public bool Acknowledge(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return false;
        }

        AcknowledgedAt = now;
        Outcome = now <= DueAt ? OnTime : Late;
        return true;
    }

    /// <returns>True when the deadline has passed with the duty still open, which settles it as missed.</returns>
    public bool MissIfOverdue(DateTimeOffset now)
    {
        if (!IsOpen || now <= DueAt)
        {
            return false;
        }

        Outcome = Missed;
        return true;
    }

    public bool Withdraw()
    {
        if (!IsOpen)
        {
            return false;
        }

        Outcome = Withdrawn;
        return true;
    }
}
