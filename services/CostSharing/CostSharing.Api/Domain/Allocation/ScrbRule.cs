namespace CostSharing.Api.Domain.Allocation;

/// <summary>
/// Separable costs – remaining benefits (domain.md §4.2):
/// <c>x_i = SC_i + (J_i − SC_i) / Σ(J_j − SC_j) · (C − ΣSC_j)</c>, where SC_i is city i's separable cost
/// (what the joint measure costs more because i takes part) and J_i = min(benefit, stand-alone cost) is
/// what i could justify paying at most.
/// </summary>
public static class ScrbRule
{
    public static (IReadOnlyList<ExactShare> Shares, IReadOnlyList<ExplanationStep> Steps) Shares(long totalFen, IReadOnlyList<AllocationParty> parties)
    {
        var inputs = parties.Select(p => (p.CityId, Separable: Separable(p), Justifiable: Justifiable(p))).ToList();
        var cost = Fraction.From(totalFen);
        var separableSum = Fraction.Sum(inputs.Select(i => i.Separable));
        if (separableSum > cost)
        {
            throw new AllocationInputException(
                $"The separable costs ({separableSum.ToDecimal(2) / 100m} yuan) exceed the net eligible cost ({Fen.ToYuan(totalFen)} yuan).");
        }

        var remainingCost = cost - separableSum;
        var remainingBenefits = inputs.Select(i => (i.CityId, Benefit: i.Justifiable - i.Separable)).ToList();
        if (remainingBenefits.FirstOrDefault(r => r.Benefit.Sign < 0) is { CityId: not null } below)
        {
            throw new AllocationInputException($"{below.CityId}'s benefit or stand-alone cost is below its separable cost.");
        }

        var benefitSum = Fraction.Sum(remainingBenefits.Select(r => r.Benefit));
        if (benefitSum.IsZero && !remainingCost.IsZero)
        {
            throw new AllocationInputException("The remaining benefits sum to zero, so the non-separable cost cannot be split.");
        }

        var shares = inputs.Zip(remainingBenefits, (i, r) => new ExactShare(
            i.CityId, ProportionalRule.Group, i.Separable + (benefitSum.IsZero ? Fraction.Zero : r.Benefit / benefitSum * remainingCost))).ToList();
        return (shares,
        [
            new("separable costs", $"Each city first pays its separable cost; the non-separable rest is {remainingCost.ToDecimal(4) / 100m} yuan.",
                inputs.Select(i => new StepAmount(i.CityId, i.Separable)).ToList()),
            new("remaining benefits", "J − SC per city: what it could justify paying above its separable cost.",
                remainingBenefits.Select(r => new StepAmount(r.CityId, r.Benefit)).ToList()),
            new("scrb shares", "Separable cost plus the non-separable cost split in proportion to the remaining benefits.",
                shares.Select(s => new StepAmount(s.PartyId, s.Fen)).ToList()),
        ]);
    }

    private static Fraction Separable(AllocationParty p) =>
        p.SeparableCost is { } sc && sc >= 0
            ? Fraction.From(Fen.FromYuan(sc))
            : throw new AllocationInputException($"SCRB needs a non-negative separable cost for {p.CityId}.");

    private static Fraction Justifiable(AllocationParty p)
    {
        decimal?[] limits = [p.DamageAvoided, p.StandAloneCost];
        var given = limits.Where(l => l is not null).Select(l => l!.Value).ToList();
        return given.Count > 0
            ? Fraction.From(Fen.FromYuan(given.Min()))
            : throw new AllocationInputException($"SCRB needs {p.CityId}'s benefit (damage avoided) or stand-alone cost.");
    }
}
