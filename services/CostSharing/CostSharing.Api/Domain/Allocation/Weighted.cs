namespace CostSharing.Api.Domain.Allocation;

/// <summary>Exact proportional split of an amount among parties by one of their inputs.</summary>
internal static class Weighted
{
    public static List<ExactShare> Split(
        Fraction amount, IReadOnlyList<AllocationParty> parties, string group, Func<AllocationParty, decimal?> weightOf, string weightName)
    {
        var weights = parties.Select(p => (p.CityId, Weight: weightOf(p))).ToList();
        var missing = weights.Where(w => w.Weight is null).Select(w => w.CityId).ToList();
        if (missing.Count > 0)
        {
            throw new AllocationInputException($"No {weightName} given for {string.Join(", ", missing)}.");
        }

        if (weights.Any(w => w.Weight < 0))
        {
            throw new AllocationInputException($"A {weightName} must not be negative.");
        }

        var sum = Fraction.Sum(weights.Select(w => Fraction.From(w.Weight!.Value)));
        if (sum.IsZero)
        {
            if (!amount.IsZero)
            {
                throw new AllocationInputException($"The {weightName}s of the {group} cities sum to zero, so their share cannot be split.");
            }

            return weights.Select(w => new ExactShare(w.CityId, group, Fraction.Zero)).ToList();
        }

        return weights.Select(w => new ExactShare(w.CityId, group, amount * Fraction.From(w.Weight!.Value) / sum)).ToList();
    }
}
