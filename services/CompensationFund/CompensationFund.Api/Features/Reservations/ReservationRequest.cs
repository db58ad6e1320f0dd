using CompensationFund.Api.Features.Entries;

namespace CompensationFund.Api.Features.Reservations;

/// <summary>A reservation as sent: an entry and when it expires (default <see cref="DefaultLifetime"/>, at most <see cref="MaxLifetime"/>).</summary>
public sealed record ReservationRequest(
    string? Currency, DateOnly? ValueDate, string? Description, string? Reference, IReadOnlyList<LineRequest>? Lines, DateTimeOffset? ExpiresAt)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    public EntryRequest Entry => new(Currency, ValueDate, Description, Reference, Lines);
}

/// <summary>How to post a reservation: in full (no amount), or for a two-line reservation a smaller amount.</summary>
public sealed record PostReservationRequest(decimal? Amount, DateOnly? ValueDate);

public sealed record VoidReservationRequest(string? Reason);
