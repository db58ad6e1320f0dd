namespace TrustScore.Api.Domain.Commitments;

/// <summary>
/// How much late fulfilment still counts (domain.md §4.3: "late fulfilment counts partly").
/// </summary>
/// <remarks>
/// Implementation note: the credit halves with every <c>halfLife</c> of delay: a payment one day late keeps almost all
/// its credit, one a month late (with the payments' half-life of 30 days) half, one a quarter late an eighth. A smooth
/// curve rather than steps, so one more day of delay never costs a cliff and never earns anything; and it never
/// reaches zero, so paying late always beats not paying.
/// </remarks>
public static class Timeliness
{
    public static readonly TimeSpan PaymentHalfLife = TimeSpan.FromDays(30);

    public static readonly TimeSpan ReportHalfLife = TimeSpan.FromHours(24);

    public static double Credit(TimeSpan lateness, TimeSpan halfLife)
    {
        if (halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life of late credit is positive.");
        }

        return lateness <= TimeSpan.Zero ? 1 : Math.Pow(0.5, lateness / halfLife);
    }

    public static double CreditForDaysLate(int daysLate) => Credit(TimeSpan.FromDays(daysLate), PaymentHalfLife);
}
