namespace CompensationFund.Api.Domain.Contributions;

/// <summary>A late-payment penalty due on one obligation for the days from <see cref="From"/> to <see cref="Through"/>.</summary>
public sealed record LatePenalty(Obligation Obligation, DateOnly From, DateOnly Through, int Days, long OverdueFenDays, long Amount);

/// <summary>
/// Late-payment penalty, rule version 1: 0.05 % of the overdue amount per day — the daily rate of China's Tax Collection and
/// Administration Law, Art. 32 (滞纳金, 万分之五) — on what was outstanding at the end of each day after the due date,
/// each day charged once, rounded down to the fen once per assessment (the fund never charges more than the rule gives).
/// Penalties bear no penalty.
/// </summary>
public static class LatePenaltyRule
{
    public const string Name = "late-payment-penalty";
    public const int Version = 1;
    public const long RateNumerator = 5;
    public const long RateDenominator = 10_000;

    public static LatePenalty? Assess(Obligation obligation, DateOnly asOf)
    {
        if (obligation.Kind != ObligationKind.Contribution)
        {
            return null;
        }

        var from = (obligation.PenaltyAssessedThrough ?? obligation.DueDate).AddDays(1);
        if (from > asOf)
        {
            return null;
        }

        var fenDays = FenDays(obligation, from, asOf);
        return new LatePenalty(obligation, from, asOf, asOf.DayNumber - from.DayNumber + 1, fenDays, fenDays * RateNumerator / RateDenominator);
    }

    /// <summary>What the days <paramref name="from"/> to <paramref name="through"/> cost with the payments known now, rounded down once.</summary>
    public static long AmountFor(Obligation obligation, DateOnly from, DateOnly through) => FenDays(obligation, from, through) * RateNumerator / RateDenominator;

    private static long FenDays(Obligation obligation, DateOnly from, DateOnly through)
    {
        long fenDays = 0;
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            fenDays += obligation.OutstandingOn(day);
        }

        return fenDays;
    }
}
