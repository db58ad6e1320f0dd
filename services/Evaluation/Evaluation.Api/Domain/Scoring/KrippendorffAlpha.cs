namespace Evaluation.Api.Domain.Scoring;

/// <summary>
/// Agreement within a panel of coders by Krippendorff's α with the interval metric (domain.md §4.4: the
/// reliability gate of the third-party panel).
/// </summary>
/// <remarks>
/// Implementation note: after K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), α = 1 − Dₒ/Dₑ with
/// the interval difference δ²(c, k) = (c − k)². Only pairable values count: a unit (here one criterion of one subject)
/// with fewer than two values says nothing about agreement and is left out, as are the missing values. Over the n
/// pairable values, Dₒ = (1/n) Σᵤ Σ_{i≠j∈u} δ² / (mᵤ − 1) and Dₑ = (1/(n(n − 1))) Σ_{c≠k} δ². Both double sums are
/// computed in closed form, Σ_{i≠j} (vᵢ − vⱼ)² = 2(m Σv² − (Σv)²), so a round of 300 subjects × 12 criteria × 25
/// assessors is one pass over its values. With no variation at all (Dₑ = 0) α is undefined (0/0): the data cannot show
/// whether the coders could tell anything apart, so it is reported as null and treated as not reliable.
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>Krippendorff's own lowest acceptable α for tentative conclusions (2004, §11.4.4).</summary>
    public const double ReliableFrom = 0.667;

    /// <param name="units">Each unit's values, one per coder; null where a coder gave none.</param>
    /// <returns>α, or null when it is undefined (fewer than two pairable values, or no variation).</returns>
    public static double? Interval(IEnumerable<IReadOnlyList<double?>> units)
    {
        double n = 0, sum = 0, sumOfSquares = 0, observed = 0;
        foreach (var unit in units)
        {
            double m = 0, unitSum = 0, unitSquares = 0;
            foreach (var value in unit)
            {
                if (value is { } v)
                {
                    m++;
                    unitSum += v;
                    unitSquares += v * v;
                }
            }

            if (m < 2)
            {
                continue;
            }

            observed += 2 * ((m * unitSquares) - (unitSum * unitSum)) / (m - 1);
            n += m;
            sum += unitSum;
            sumOfSquares += unitSquares;
        }

        var expected = 2 * ((n * sumOfSquares) - (sum * sum));
        if (n < 2 || expected <= 1e-12 * Math.Max(1, n * sumOfSquares))
        {
            return null;
        }

        return 1 - ((n - 1) * observed / expected);
    }
}
