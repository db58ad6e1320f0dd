namespace CompensationFund.Api.Domain.Ledger;

/// <summary>
/// A reservation still pending, kept beside its stream so the expiry sweeper finds what to release without
/// reading every stream. Written and removed in the same transactions as the reservation's events.
/// </summary>
public sealed class PendingReservation
{
    public Guid Id { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
