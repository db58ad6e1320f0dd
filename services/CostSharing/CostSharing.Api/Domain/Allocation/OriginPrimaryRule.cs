using Platform.Contracts.CostSharing;

namespace CostSharing.Api.Domain.Allocation;

/// <summary>
/// "Origin leads, affected assist" (发生地为主、波及地为辅, domain.md §3.1, §4.2): the origin side pays α of the
/// net cost, split among origin cities by contribution weights (Civil Code Art. 1231: several polluters share
/// by contribution); the affected side pays 1 − α, split by the agreement's key.
/// </summary>
public static class OriginPrimaryRule
{
    public const string OriginGroup = ParticipantSides.Origin;
    public const string AffectedGroup = ParticipantSides.Affected;

    public static (IReadOnlyList<ExactShare> Shares, IReadOnlyList<ExplanationStep> Steps) Shares(
        long totalFen, decimal alpha, AllocationKey key, IReadOnlyList<AllocationParty> parties)
    {
        if (alpha is < 0m or > 1m)
        {
            throw new AllocationInputException($"The origin share α must lie between 0 and 1, not {alpha}.");
        }

        var origin = parties.Where(p => p.Side == Side.Origin).ToList();
        var affected = parties.Where(p => p.Side == Side.Affected).ToList();
        if (origin.Count == 0)
        {
            throw new AllocationInputException("The origin-primary rule needs at least one origin city.");
        }

        var total = Fraction.From(totalFen);
        // With nobody affected there is no one to assist: the origin side carries the whole cost.
        var originTotal = affected.Count == 0 ? total : total * Fraction.From(alpha);
        var originShares = Weighted.Split(originTotal, origin, OriginGroup, p => p.ContributionWeight, "contribution weight");
        var affectedShares = affected.Count == 0
            ? []
            : Weighted.Split(total - originTotal, affected, AffectedGroup, p => p.KeyValue(key), RuleNames.Of(key));

        var steps = new List<ExplanationStep>
        {
            new("sides",
                affected.Count == 0
                    ? "No affected city: the origin side pays the whole net eligible cost."
                    : $"The origin side pays α = {alpha} of the net eligible cost, the affected side 1 − α.",
                [new StepAmount(OriginGroup, originTotal), new StepAmount(AffectedGroup, total - originTotal)]),
            new("origin side", "Split among the origin cities by contribution weights.", originShares.Select(s => new StepAmount(s.PartyId, s.Fen)).ToList()),
        };
        if (affected.Count > 0)
        {
            steps.Add(new("affected side", $"Split among the affected cities by {RuleNames.Of(key)}.", affectedShares.Select(s => new StepAmount(s.PartyId, s.Fen)).ToList()));
        }

        return ([.. originShares, .. affectedShares], steps);
    }
}
