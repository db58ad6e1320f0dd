namespace CostSharing.Api.Domain.Allocation;

/// <summary>
/// The Shapley value by its definition, for any cost game over few players: each player's marginal cost
/// v(S ∪ {i}) − v(S), averaged over all coalitions S with weight |S|!(n − |S| − 1)!/n!.
/// </summary>
/// <remarks>
/// Exponential (2^n coalitions), so it is the reference that the airport fast path is checked against and
/// the exact method for small n; the engine itself uses <see cref="AirportGame.Shapley"/>,
/// which gives the same value for the airport game at any n.
/// </remarks>
public static class ShapleyValue
{
    public const int MaxPlayers = 20;

    /// <param name="players">The players; bit i of a coalition mask is <c>players[i]</c>.</param>
    /// <param name="cost">The cost of the coalition given by a bit mask.</param>
    public static IReadOnlyDictionary<string, Fraction> BySubsets(IReadOnlyList<string> players, Func<long, Fraction> cost)
    {
        var n = players.Count;
        if (n > MaxPlayers)
        {
            throw new AllocationInputException($"Exact Shapley values by enumeration are limited to {MaxPlayers} players, not {n}.");
        }

        var costs = new Fraction[1L << n];
        for (long mask = 0; mask < costs.Length; mask++)
        {
            costs[mask] = cost(mask);
        }

        // Marginal costs summed per player and coalition size, weighted once per size at the end.
        var sums = new Fraction[n, Math.Max(n, 1)];
        for (long mask = 0; mask < costs.Length; mask++)
        {
            var size = long.PopCount(mask);
            for (var i = 0; i < n; i++)
            {
                if ((mask & (1L << i)) == 0)
                {
                    sums[i, size] += costs[mask | (1L << i)] - costs[mask];
                }
            }
        }

        var values = new Dictionary<string, Fraction>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var value = Fraction.Zero;
            for (var size = 0; size < n; size++)
            {
                value += sums[i, size] * Weight(size, n);
            }

            values[players[i]] = value;
        }

        return values;
    }

    private static Fraction Weight(int size, int n) =>
        Fraction.Of(Factorial(size) * Factorial(n - size - 1), Factorial(n));

    private static System.Numerics.BigInteger Factorial(int k)
    {
        System.Numerics.BigInteger result = 1;
        for (var i = 2; i <= k; i++)
        {
            result *= i;
        }

        return result;
    }
}
