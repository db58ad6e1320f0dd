namespace CostSharing.Api.Domain.Allocation;

/// <summary>Plain proportional sharing (domain.md §4.2): every participant, whatever its side, pays by the key.</summary>
public static class ProportionalRule
{
    public const string Group = "all";

    public static (IReadOnlyList<ExactShare> Shares, IReadOnlyList<ExplanationStep> Steps) Shares(
        long totalFen, AllocationKey key, IReadOnlyList<AllocationParty> parties)
    {
        var shares = Weighted.Split(Fraction.From(totalFen), parties, Group, p => p.KeyValue(key), RuleNames.Of(key));
        return (shares, [new("proportional", $"Every participant pays in proportion to its {RuleNames.Of(key)}.", shares.Select(s => new StepAmount(s.PartyId, s.Fen)).ToList())]);
    }
}
