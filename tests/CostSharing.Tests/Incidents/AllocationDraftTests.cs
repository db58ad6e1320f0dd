using CostSharing.Api.Domain;
using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>
/// An allocation from the approved claims: net eligible cost, shares, net positions, settlement and the explanation,
/// then finalized once and corrected only by a superseding allocation (domain.md §4.2).
/// </summary>
public sealed class AllocationDraftTests
{
    private static readonly AllocationBasis Basis = new("yangtze", 2, "natural-disaster", AllocationRule.OriginPrimary(0.7m, AllocationKey.Equal), "CNY");

    private static readonly AllocationParty[] Parties =
        [new("up", Side.Origin, ContributionWeight: 1m), new("mid", Side.Affected), new("down", Side.Affected)];

    // 2 August 01:00 in Beijing is still 1 August in UTC: due dates count from the UTC date.
    private static readonly DateTimeOffset Now = new(2026, 8, 2, 1, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void NetEligibleCostIsTheSumOfApprovedSpendsAndEachCitySettlesItsNetPosition()
    {
        var draft = AllocationDraft.Compute(Basis, Parties,
        [
            new("up", 120m, 100m, 0m, 100m), new("up", 50m, 50m, 20m, 30m), new("mid", 200m, 170m, 0m, 170m),
        ]);

        Assert.Equal(300_00, draft.NetEligibleFen);
        Assert.Equal(
            [
                new AllocationLine("down", "affected", 45m, 0m, 45m),
                new AllocationLine("mid", "affected", 45m, 170m, -125m),
                new AllocationLine("up", "origin", 210m, 130m, 80m),
            ],
            draft.Lines());
        Assert.Equal(
            [
                new SettlementInstructionLine("down", "pay-in", 45m, new DateOnly(2026, 8, 16)),
                new SettlementInstructionLine("mid", "pay-out", 125m, new DateOnly(2026, 8, 16)),
                new SettlementInstructionLine("up", "pay-in", 80m, new DateOnly(2026, 8, 16)),
            ],
            draft.Instructions(AllocationFinalization.DueDate(Now, 15)));
    }

    [Fact]
    public void CalculatorSplitsAGivenCostInsteadOfTheSpends()
    {
        var draft = AllocationDraft.Compute(Basis, Parties, [new("mid", 10m, 10m, 0m, 10m)], totalFen: 1_000_00);

        Assert.Equal(1_000_00, draft.NetEligibleFen);
        Assert.Equal([150m, 150m, 700m], draft.Lines().Select(l => l.FairShare));
        Assert.Equal(1_000m, draft.Explanation.NetEligibleCost);
    }

    [Fact]
    public void ClaimsOfCitiesThatDoNotTakePartAreRefused()
    {
        var error = Assert.Throws<AllocationInputException>(() => AllocationDraft.Compute(Basis, Parties, [new("stranger", 1m, 1m, 0m, 1m), new("up", 1m, 1m, 0m, 1m)]));

        Assert.Equal("Claims of cities that do not take part: stranger.", error.Message);
    }

    [Fact]
    public void ExplanationCarriesTheBasisInputsStepsAndRounding()
    {
        var draft = AllocationDraft.Compute(Basis, Parties, [new("up", 120m, 100m, 0m, 100m), new("up", 50m, 50m, 20m, 30m), new("mid", 0.5m, 0.5m, 0m, 0.5m)]);
        var explanation = draft.Explanation;

        Assert.Equal(("yangtze", 2, "natural-disaster", "origin-primary α=0.7 key=equal cap=none", "CNY", 130.5m),
            (explanation.AgreementId, explanation.AgreementVersion, explanation.Category, explanation.Rule, explanation.Currency, explanation.NetEligibleCost));
        Assert.Equal(
            [
                new ExplainedInput("down", "affected", 0m, 0m, 0m, 0m, null, null, null, null, null, null),
                new ExplainedInput("mid", "affected", 0.5m, 0.5m, 0m, 0.5m, null, null, null, null, null, null),
                new ExplainedInput("up", "origin", 170m, 150m, 20m, 130m, 1m, null, null, null, null, null),
            ],
            explanation.Inputs);
        Assert.Equal(["sides", "origin side", "affected side"], explanation.Steps.Select(s => s.Name));
        // The affected side's 39.15 yuan (3915 fen) halves to 1957.5 fen each: exact as a fraction, six places in yuan.
        Assert.Equal([new ExplainedAmount("down", 19.575m, "3915/2"), new ExplainedAmount("mid", 19.575m, "3915/2")], explanation.Steps[2].Amounts);
        Assert.Equal(RoundingRecord.Method, explanation.Rounding.Method);
        Assert.Equal([new ExplainedGroup("origin", "9135", 9_135), new ExplainedGroup("affected", "3915", 3_915)], explanation.Rounding.Groups);
        Assert.Equal(
            [
                new ExplainedShare("down", "affected", "3915/2", 1_957, "1/2", 1, true, 1_958),
                new ExplainedShare("mid", "affected", "3915/2", 1_957, "1/2", 2, false, 1_957),
                new ExplainedShare("up", "origin", "9135", 9_135, "0", null, false, 9_135),
            ],
            explanation.Rounding.Shares);
    }

    [Fact]
    public void FinalizingFixesTheDraftWithTheSettlementDueDate()
    {
        var draft = AllocationDraft.Compute(Basis, Parties, [new("mid", 300m, 300m, 0m, 300m)]);
        var incidentId = Guid.NewGuid();

        var allocation = AllocationFinalization.Finalize(incidentId, draft, 15, Now, "coordinator");

        Assert.Equal(7, allocation.Id.Version);
        Assert.Equal((incidentId, "yangtze", 2, "natural-disaster", "origin-primary α=0.7 key=equal cap=none", "CNY", 300m, Now, "coordinator"),
            (allocation.IncidentId, allocation.AgreementId, allocation.AgreementVersion, allocation.Category, allocation.Rule, allocation.Currency,
             allocation.NetEligibleCost, allocation.FinalizedAt, allocation.FinalizedBy));
        Assert.Equal(draft.Lines(), allocation.Lines);
        Assert.Equal(draft.Instructions(new DateOnly(2026, 8, 16)), allocation.Instructions);
        Assert.Same(draft.Explanation, allocation.Explanation);
        Assert.Equal(((Guid?)null, (string?)null), (allocation.Supersedes, allocation.Reason));
        Assert.Empty(allocation.Differences);
        Assert.Empty(allocation.AdjustmentInstructions);
    }

    [Fact]
    public void CorrectionSupersedesAndSettlesOnlyTheDifferences()
    {
        var current = AllocationFinalization.Finalize(Guid.NewGuid(), AllocationDraft.Compute(Basis, Parties, [new("mid", 300m, 300m, 0m, 300m)]), 15, Now, "coordinator");
        var revised = AllocationDraft.Compute(Basis, Parties, [new("mid", 300m, 200m, 0m, 200m)]);

        var correction = AllocationFinalization.Correct(current, revised, 10, "audit finding", Now.AddDays(40), "coordinator");

        Assert.Equal((current.Id, "audit finding", current.IncidentId), (correction.Supersedes, correction.Reason, correction.IncidentId));
        // Shares 45/45/210 become 30/30/140; mid spent 100 less, so its net position moves by −15 + 100.
        Assert.Equal(
            [new DifferenceLine("down", -15m, -15m), new DifferenceLine("mid", -15m, 85m), new DifferenceLine("up", -70m, -70m)],
            correction.Differences);
        var due = new DateOnly(2026, 9, 20);
        Assert.Equal(
            [
                new SettlementInstructionLine("down", "pay-out", 15m, due),
                new SettlementInstructionLine("mid", "pay-in", 85m, due),
                new SettlementInstructionLine("up", "pay-out", 70m, due),
            ],
            correction.AdjustmentInstructions);
        Assert.Equal(revised.Instructions(due), correction.Instructions);
    }

    [Fact]
    public void CorrectionThatChangesNothingIsRefused()
    {
        var draft = AllocationDraft.Compute(Basis, Parties, [new("mid", 300m, 300m, 0m, 300m)]);
        var current = AllocationFinalization.Finalize(Guid.NewGuid(), draft, 15, Now, "coordinator");

        var error = Assert.Throws<RuleViolationException>(() => AllocationFinalization.Correct(current, draft, 15, "again", Now, "coordinator"));

        Assert.Equal(("Nothing to correct", true), (error.Title, error.IsConflict));
    }
}
