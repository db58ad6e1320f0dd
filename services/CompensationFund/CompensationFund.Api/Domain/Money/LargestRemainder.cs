namespace CompensationFund.Api.Domain.Money;

/// <summary>One party's claim on a split: its id and its weight (a ratio, a population, a GDP figure).</summary>
public sealed record SplitWeight(string PartyId, decimal Weight);

/// <summary>
/// Splits a total of fen among parties in proportion to their weights by the largest-remainder (Hamilton)
/// method (domain.md §4.1).
/// </summary>
/// <remarks>
/// Implementation note: each exact share <c>q_i = T·w_i/W</c> is floored; the fen still missing go one each to
/// the largest fractional parts, ties broken by the larger weight and then the party id (ordinal), so the
/// result does not depend on the order of the input and the remainder never goes to whoever is listed first.
/// The exact share is computed as a quotient and remainder of integers scaled from the decimal weights, so
/// no rounding of <c>decimal</c> division can tip a tie.
/// </remarks>
public static class LargestRemainder
{
    public static IReadOnlyDictionary<string, long> Split(long total, IReadOnlyList<SplitWeight> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (weights.Count == 0 || weights.Any(w => w.Weight < 0) || weights.Select(w => w.PartyId).Distinct(StringComparer.Ordinal).Count() != weights.Count)
        {
            throw new ArgumentException("Weights must be non-negative, one per distinct party, and at least one.", nameof(weights));
        }

        var scale = weights.Max(w => w.Weight.Scale);
        var units = weights.Select(w => new System.Numerics.BigInteger(w.Weight * Pow10(scale))).ToList();
        var sum = units.Aggregate(System.Numerics.BigInteger.Zero, (a, b) => a + b);
        if (sum.IsZero)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        var shares = new Dictionary<string, long>(StringComparer.Ordinal);
        var remainders = new List<(string Party, System.Numerics.BigInteger Remainder, decimal Weight)>();
        for (var i = 0; i < weights.Count; i++)
        {
            var quotient = System.Numerics.BigInteger.DivRem(total * units[i], sum, out var remainder);
            shares[weights[i].PartyId] = (long)quotient;
            remainders.Add((weights[i].PartyId, remainder, weights[i].Weight));
        }

        var missing = total - shares.Values.Sum();
        foreach (var (party, _, _) in remainders
            .OrderByDescending(r => r.Remainder)
            .ThenByDescending(r => r.Weight)
            .ThenBy(r => r.Party, StringComparer.Ordinal)
            .Take((int)missing))
        {
            shares[party]++;
        }

        return shares;
    }

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
