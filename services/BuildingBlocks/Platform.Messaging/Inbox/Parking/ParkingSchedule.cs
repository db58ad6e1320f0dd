using System.Globalization;

namespace Platform.Messaging.Inbox.Parking;

/// <summary>
/// When a parked message is tried again: growing delays, minutes first and then hours (delayed redelivery, as in
/// MassTransit and NServiceBus). A message still not ready after the last delay is dead-lettered.
/// </summary>
public sealed class ParkingSchedule
{
    private readonly TimeSpan[] _delays;

    public ParkingSchedule(IEnumerable<TimeSpan> delays)
    {
        _delays = [.. delays];
        if (_delays.Length == 0 || _delays.Any(d => d <= TimeSpan.Zero))
        {
            throw new ArgumentException("A parking schedule needs at least one positive delay.", nameof(delays));
        }
    }

    /// <summary>Reads <c>Messaging:ParkingDelays</c> ("00:01:00,00:05:00,...").</summary>
    public static ParkingSchedule Parse(string delays) =>
        new(delays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => TimeSpan.Parse(d, CultureInfo.InvariantCulture)));

    /// <summary>How many times a message is tried after it was first parked.</summary>
    public int Attempts => _delays.Length;

    /// <summary>
    /// The delay before the next try of a message that has failed to become ready <paramref name="attemptsSoFar"/>
    /// times, or null when the schedule is spent and the message is to be dead-lettered.
    /// </summary>
    public TimeSpan? DelayAfter(int attemptsSoFar) =>
        attemptsSoFar >= 1 && attemptsSoFar <= _delays.Length ? _delays[attemptsSoFar - 1] : null;
}
