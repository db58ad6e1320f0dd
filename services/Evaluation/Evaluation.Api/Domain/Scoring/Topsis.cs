namespace Evaluation.Api.Domain.Scoring;

/// <summary>One alternative's TOPSIS outcome: distances to the ideal and anti-ideal solutions, closeness, rank (1 = best).</summary>
public sealed record TopsisAlternative(string Alternative, double DistanceToIdeal, double DistanceToAntiIdeal, double Closeness, int Rank);

/// <summary>
/// Ranking by similarity to the ideal solution (TOPSIS), the alternative ranking method of a round.
/// </summary>
/// <remarks>
/// Implementation note: after C.-L. Hwang and K. Yoon, "Multiple Attribute Decision Making" (Springer, 1981). Each
/// criterion's column is vector-normalised (rᵢⱼ = xᵢⱼ / √Σᵢ xᵢⱼ²), weighted, and the ideal solution takes each
/// column's best value (largest for a benefit criterion, smallest for a cost), the anti-ideal its worst. Closeness
/// is C = d⁻ / (d⁺ + d⁻) with Euclidean distances d⁺ to the ideal and d⁻ to the anti-ideal. An all-zero column carries
/// no information and contributes nothing; an alternative equal to both solutions (every column constant) has
/// closeness 0.5 rather than 0/0. Ties in closeness rank by the alternative's name so the order never depends on input order.
/// </remarks>
public static class Topsis
{
    public static IReadOnlyList<TopsisAlternative> Rank(
        IReadOnlyList<string> alternatives, IReadOnlyList<double> weights, IReadOnlyList<bool> benefit, IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        var criteria = weights.Count;
        if (matrix.Count != alternatives.Count || benefit.Count != criteria || matrix.Any(r => r.Count != criteria))
        {
            throw new ArgumentException("One row per alternative and one weight, benefit flag and column per criterion.", nameof(matrix));
        }

        var weighted = new double[alternatives.Count][];
        for (var i = 0; i < alternatives.Count; i++)
        {
            weighted[i] = new double[criteria];
        }

        var ideal = new double[criteria];
        var antiIdeal = new double[criteria];
        for (var j = 0; j < criteria; j++)
        {
            var norm = Math.Sqrt(matrix.Sum(row => row[j] * row[j]));
            for (var i = 0; i < alternatives.Count; i++)
            {
                weighted[i][j] = norm == 0 ? 0 : weights[j] * matrix[i][j] / norm;
            }

            var column = weighted.Select(row => row[j]).ToList();
            (ideal[j], antiIdeal[j]) = benefit[j] ? (column.Max(), column.Min()) : (column.Min(), column.Max());
        }

        var outcomes = alternatives.Select((name, i) =>
        {
            var plus = Distance(weighted[i], ideal);
            var minus = Distance(weighted[i], antiIdeal);
            return (name, plus, minus, closeness: plus + minus == 0 ? 0.5 : minus / (plus + minus));
        }).ToList();
        var order = outcomes.OrderByDescending(o => o.closeness).ThenBy(o => o.name, StringComparer.Ordinal).ToList();
        return outcomes.Select(o => new TopsisAlternative(o.name, o.plus, o.minus, o.closeness, order.IndexOf(o) + 1)).ToList();
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Select((x, j) => (x - b[j]) * (x - b[j])).Sum());
}
