using Platform.ServiceDefaults.Errors;
using TrustScore.Api.Domain;
using TrustScore.Api.Features.Scores;

namespace TrustScore.Api.Features.Calculator;

/// <summary>One settled commitment for the calculator: its weight w ≥ 0 and fulfilment f ∈ [0, 1].</summary>
public sealed record CalculatorOutcome(double? Weight, double? Fulfilment);

/// <summary>The calculator's input: the forgetting factor λ per step (1 when left out) and the outcomes, oldest first.</summary>
public sealed record CalculatorRequest(double? Forgetting, IReadOnlyList<CalculatorOutcome?>? Outcomes)
{
    public const int MaxOutcomes = 10_000;

    public RequestValidation Validate()
    {
        var validation = new RequestValidation()
            .Require(Forgetting is null || (double.IsFinite(Forgetting.Value) && Forgetting is >= 0 and <= 1), "forgetting", "'forgetting' (λ) is a number from 0 to 1.")
            .Require(Outcomes is not null, "outcomes", "'outcomes' is required: a list of {weight, fulfilment}, oldest first.")
            .Require(Outcomes is null || Outcomes.Count <= MaxOutcomes, "outcomes", $"At most {MaxOutcomes} outcomes.");
        for (var i = 0; Outcomes is not null && i < Math.Min(Outcomes.Count, MaxOutcomes); i++)
        {
            var outcome = Outcomes[i];
            validation
                .Require(outcome?.Weight is { } w && double.IsFinite(w) && w >= 0, $"outcomes[{i}].weight", "'weight' is a number of at least 0.")
                .Require(outcome?.Fulfilment is { } f && double.IsFinite(f) && f is >= 0 and <= 1, $"outcomes[{i}].fulfilment", "'fulfilment' is a number from 0 to 1.");
        }

        return validation;
    }
}

/// <summary>What the evidence gives: r, s, E (and on the 0–1000 scale), u, the tier and the thresholds it was read against.</summary>
public sealed record CalculatorResponse(
    double R, double S, double Score, int Display, double Uncertainty, string Tier, double EvidenceWeight, double MinimumEvidence, TierThresholds Thresholds);

/// <summary>
/// A calculator for anyone: the domain.md §4.3 recursion r ← λ·r + w·f, s ← λ·s + w·(1−f) over the outcomes,
/// then E, u and the tier, with the same code the service scores cities with. Nothing is stored.
/// </summary>
public static class CalculateTrust
{
    public static IResult Handle(CalculatorRequest request)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var outcomes = request.Outcomes!.Select(o => new Outcome(o!.Weight!.Value, o.Fulfilment!.Value));
        var (r, s) = BetaReputation.Accumulate(request.Forgetting ?? 1, outcomes);
        var (score, uncertainty) = BetaReputation.Score(r, s);
        var published = BetaReputation.Published(score);
        var tier = BetaReputation.Tier(published, r + s, severeDefault: false);
        return Results.Ok(new CalculatorResponse(
            BetaReputation.Published(r), BetaReputation.Published(s), published, (int)Math.Round(score * 1000, MidpointRounding.AwayFromZero),
            BetaReputation.Published(uncertainty), tier.ToString(), BetaReputation.Published(r + s), BetaReputation.MinimumEvidence,
            new TierThresholds(BetaReputation.TierA, BetaReputation.TierB, BetaReputation.TierC)));
    }
}
