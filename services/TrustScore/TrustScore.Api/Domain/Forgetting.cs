namespace TrustScore.Api.Domain;

/// <summary>
/// How fast old evidence fades (domain.md §4.3: <c>r ← λ·r + new</c>, "e.g. a half-life of a few months").
/// </summary>
/// <remarks>
/// Implementation note: the domain states forgetting per step; the service applies it per day, so evidence fades with
/// time rather than with the number of later events (a city that is rarely involved must not keep a stale record
/// forever, nor a busy one lose its record in a week). Decaying every item by <c>λ^(age in days)</c> and summing is
/// exactly the recursion <c>r ← λ^Δt·r + new</c> unrolled, so the order in which evidence arrives never matters and a
/// score at any past date is a plain sum over the items known then. λ = 0.5^(1/half-life); λ = 1 forgets nothing.
/// </remarks>
public sealed record Forgetting
{
    private Forgetting(double lambdaPerDay, double halfLifeDays)
    {
        LambdaPerDay = lambdaPerDay;
        HalfLifeDays = halfLifeDays;
    }

    /// <summary>About six months: a default fades to half its weight in half a year (a few months, domain.md §4.3).</summary>
    public const double DefaultHalfLifeDays = 180;

    public static Forgetting Default { get; } = FromHalfLife(DefaultHalfLifeDays);

    /// <summary>Never forgets (λ = 1).</summary>
    public static Forgetting None { get; } = new(1, double.PositiveInfinity);

    public double LambdaPerDay { get; }

    public double HalfLifeDays { get; }

    public static Forgetting FromHalfLife(double halfLifeDays)
    {
        if (!double.IsFinite(halfLifeDays) || halfLifeDays <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLifeDays), halfLifeDays, "A half-life is a positive number of days.");
        }

        return new Forgetting(Math.Pow(0.5, 1 / halfLifeDays), halfLifeDays);
    }

    public static Forgetting FromLambda(double lambdaPerDay)
    {
        if (!double.IsFinite(lambdaPerDay) || lambdaPerDay <= 0 || lambdaPerDay > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lambdaPerDay), lambdaPerDay, "λ is in (0, 1].");
        }

        return lambdaPerDay == 1 ? None : new Forgetting(lambdaPerDay, Math.Log(0.5) / Math.Log(lambdaPerDay));
    }

    /// <summary>The factor evidence recorded at <paramref name="at"/> keeps at <paramref name="asOf"/>: 1 for evidence not older than now.</summary>
    public double Decay(DateTimeOffset at, DateTimeOffset asOf)
    {
        var days = (asOf - at).TotalDays;
        return days <= 0 ? 1 : Math.Pow(LambdaPerDay, days);
    }
}
