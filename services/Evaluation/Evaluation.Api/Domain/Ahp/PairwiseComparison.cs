namespace Evaluation.Api.Domain.Ahp;

/// <summary>What AHP derives from a pairwise comparison matrix (domain.md §4.4).</summary>
public sealed record AhpResult(IReadOnlyList<double> Weights, double LambdaMax, double ConsistencyIndex, double ConsistencyRatio)
{
    /// <summary>Saaty's acceptance rule: a matrix is consistent enough to use when CR &lt; 0.1.</summary>
    public bool Consistent => ConsistencyRatio < PairwiseComparison.MaximumConsistencyRatio;
}

/// <summary>
/// The analytic hierarchy process: weights of n criteria from their pairwise comparison matrix.
/// </summary>
/// <remarks>
/// Implementation note: the weights are the principal (Perron) eigenvector of the positive reciprocal matrix,
/// normalised to sum to 1, found by power iteration (T. L. Saaty, "The Analytic Hierarchy Process", 1980); the
/// iteration converges because a positive matrix has a simple dominant eigenvalue. λmax is read back as the mean of
/// (A·w)ᵢ / wᵢ, the consistency index is CI = (λmax − n)/(n − 1), and the consistency ratio CR = CI / RI(n) compares it
/// with Saaty's random index, the mean CI of random reciprocal matrices of the same size. Matrices of size 1 and 2 are
/// always consistent (RI = 0), so their CR is 0. The maths is in <c>double</c>: weights are estimates, not money.
/// </remarks>
public static class PairwiseComparison
{
    public const double MaximumConsistencyRatio = 0.1;

    /// <summary>How far aᵢⱼ·aⱼᵢ may stray from 1: callers write 1/3 as 0.333, and that must pass.</summary>
    public const double ReciprocalTolerance = 0.01;

    /// <summary>Saaty's random consistency index for n = 1 … 15 (Saaty 1980, extended by Saaty 2012).</summary>
    public static readonly IReadOnlyList<double> RandomIndex = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

    public static int MaximumSize => RandomIndex.Count;

    /// <summary>What makes <paramref name="matrix"/> unusable, one message each; empty when it can be weighed.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<IReadOnlyList<double>>? matrix)
    {
        if (matrix is null || matrix.Count == 0)
        {
            return ["The matrix needs at least one row."];
        }

        if (matrix.Count > MaximumSize)
        {
            return [$"The matrix compares at most {MaximumSize} criteria (Saaty's random index is tabulated that far)."];
        }

        var n = matrix.Count;
        if (matrix.Any(row => row is null || row.Count != n))
        {
            return [$"The matrix must be square: {n} rows of {n} numbers."];
        }

        var problems = new List<string>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var a = matrix[i][j];
                if (!double.IsFinite(a) || a <= 0)
                {
                    problems.Add($"[{i}][{j}] must be a positive number.");
                }
                else if (i == j && Math.Abs(a - 1) > ReciprocalTolerance)
                {
                    problems.Add($"[{i}][{i}] compares a criterion with itself and must be 1.");
                }
                else if (j > i && double.IsFinite(matrix[j][i]) && matrix[j][i] > 0 && Math.Abs((a * matrix[j][i]) - 1) > ReciprocalTolerance)
                {
                    problems.Add($"[{j}][{i}] must be the reciprocal of [{i}][{j}] (1/{a:0.###}).");
                }
            }
        }

        return problems;
    }

    public static AhpResult Weigh(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        var problems = Problems(matrix);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(matrix));
        }

        var n = matrix.Count;
        var weights = PrincipalEigenvector(matrix);
        var lambdaMax = Enumerable.Range(0, n).Average(i => Row(matrix, i, weights) / weights[i]);
        var ci = n <= 2 ? 0 : Math.Max(0, (lambdaMax - n) / (n - 1));
        var cr = n <= 2 ? 0 : ci / RandomIndex[n - 1];
        return new AhpResult(weights, lambdaMax, ci, cr);
    }

    private static double[] PrincipalEigenvector(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        var n = matrix.Count;
        var w = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (var iteration = 0; iteration < 10_000; iteration++)
        {
            var next = Enumerable.Range(0, n).Select(i => Row(matrix, i, w)).ToArray();
            var sum = next.Sum();
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                next[i] /= sum;
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }

            w = next;
            if (change < 1e-13)
            {
                break;
            }
        }

        return w;
    }

    private static double Row(IReadOnlyList<IReadOnlyList<double>> matrix, int i, double[] w)
    {
        var sum = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            sum += matrix[i][j] * w[j];
        }

        return sum;
    }
}
