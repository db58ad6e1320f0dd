using CostSharing.Api.Domain.Claims;
using Xunit;

namespace CostSharing.Tests.Claims;

/// <summary>The coordinating body's decision: in full, in part (below the claim) or rejected; once, then only revised.</summary>
public sealed partial class CostClaimTests
{
    private static DateTimeOffset Decided => Filed.AddDays(1);

    [Fact]
    public void ApprovalInFullApprovesTheClaimedAmountWhateverTheDecisionSays()
    {
        var claim = FileClaim(Content(0m, 0m, 70m, 30m));

        claim.Decide(new ClaimDecision(ClaimStatus.Approved, 1m, null), Decided, "coordinator");

        Assert.Equal((ClaimStatus.Approved, (decimal?)100m, false), (claim.Status, claim.ApprovedAmount, claim.IsPending));
        Assert.Equal((Decided, Decided, 2), (claim.DecidedAt, claim.UpdatedAt, claim.Revision));
        var decided = claim.History[^1];
        Assert.Equal(
            (2, "decided", ClaimStatus.Approved, (decimal?)100m, (string?)null, Decided, "coordinator"),
            (decided.Revision, decided.Change, decided.Status, decided.ApprovedAmount, decided.Reason, decided.At, decided.By));
    }

    [Fact]
    public void PartApprovalKeepsTheAmountAndTheReason()
    {
        var claim = FileClaim(Content(0m, 0m, 100m));

        claim.Decide(new ClaimDecision(ClaimStatus.PartlyApproved, 99.99m, "rounding of hours"), Decided, "coordinator");

        Assert.Equal((ClaimStatus.PartlyApproved, (decimal?)99.99m, "rounding of hours"), (claim.Status, claim.ApprovedAmount, claim.DecisionReason));
        Assert.Equal(("rounding of hours", (decimal?)99.99m), (claim.History[^1].Reason, claim.History[^1].ApprovedAmount));
    }

    [Theory]
    [InlineData(100.0)]
    [InlineData(100.01)]
    [InlineData(250.0)]
    public void PartApprovalAtOrAboveTheClaimIsRefusedAndChangesNothing(double approved)
    {
        var claim = FileClaim(Content(0m, 0m, 60m, 40m));

        AssertRefused(() => claim.Decide(new ClaimDecision(ClaimStatus.PartlyApproved, (decimal)approved, "r"), Decided, "coordinator"), "Part approval too large", conflict: false);

        Assert.Equal((ClaimStatus.Submitted, (decimal?)null, 1, 1), (claim.Status, claim.ApprovedAmount, claim.Revision, claim.History.Count));
    }

    [Fact]
    public void RejectionApprovesNothing()
    {
        var claim = FileClaim(Content(0m, 0m, 100m));

        claim.Decide(new ClaimDecision(ClaimStatus.Rejected, 50m, "not part of the response"), Decided, "coordinator");

        Assert.Equal((ClaimStatus.Rejected, (decimal?)0m, "not part of the response"), (claim.Status, claim.ApprovedAmount, claim.DecisionReason));
        Assert.Equal(0m, claim.NetApprovedSpend);
    }

    [Theory]
    [InlineData(ClaimStatus.Approved)]
    [InlineData(ClaimStatus.PartlyApproved)]
    [InlineData(ClaimStatus.Rejected)]
    public void DecidingTwiceIsAConflictAndKeepsTheFirstDecision(ClaimStatus first)
    {
        var claim = FileClaim(Content(0m, 0m, 100m));
        claim.Decide(new ClaimDecision(first, 40m, "first"), Decided, "coordinator");

        AssertRefused(() => claim.Decide(new ClaimDecision(ClaimStatus.Approved, 0m, null), Decided.AddHours(1), "coordinator"), "Claim already decided", conflict: true);

        Assert.Equal((first, "first", Decided, 2), (claim.Status, claim.DecisionReason, claim.DecidedAt, claim.History.Count));
    }

    [Fact]
    public void RevisionReplacesTheDecisionAndIsRecordedAsRevised()
    {
        var claim = FileClaim(Content(0m, 0m, 100m));
        claim.Decide(new ClaimDecision(ClaimStatus.Approved, 0m, null), Decided, "coordinator");

        claim.Revise(new ClaimDecision(ClaimStatus.PartlyApproved, 75m, "audit finding"), Decided.AddDays(30), "auditor-office");

        Assert.Equal((ClaimStatus.PartlyApproved, (decimal?)75m, Decided.AddDays(30), 3), (claim.Status, claim.ApprovedAmount, claim.DecidedAt, claim.Revision));
        Assert.Equal(["filed", "decided", "revised"], claim.History.Select(h => h.Change));
        Assert.Equal(("audit finding", "auditor-office", ClaimStatus.PartlyApproved), (claim.History[^1].Reason, claim.History[^1].By, claim.History[^1].Status));
        Assert.Equal(ClaimStatus.Approved, claim.History[1].Status);
    }

    [Fact]
    public void RevisingAClaimThatAwaitsItsFirstDecisionIsAConflict()
    {
        var claim = FileClaim(Content(0m, 0m, 100m));

        AssertRefused(() => claim.Revise(new ClaimDecision(ClaimStatus.Rejected, 0m, "r"), Decided, "coordinator"), "Claim not decided", conflict: true);

        Assert.Equal((ClaimStatus.Submitted, 1), (claim.Status, claim.History.Count));
    }

    [Theory]
    [InlineData(ClaimStatus.Approved, 100.0, 30.0, 20.0, 50.0)]
    [InlineData(ClaimStatus.PartlyApproved, 60.0, 10.0, 0.0, 50.0)]
    [InlineData(ClaimStatus.PartlyApproved, 60.0, 40.0, 20.0, 0.0)]
    [InlineData(ClaimStatus.PartlyApproved, 60.0, 50.0, 40.0, 0.0)]
    [InlineData(ClaimStatus.Rejected, 0.0, 0.0, 0.0, 0.0)]
    public void NetApprovedSpendIsTheApprovalLessInsuranceAndSubsidiesNeverBelowZero(
        ClaimStatus status, double approved, double insurance, double subsidies, double net)
    {
        var claim = FileClaim(Content((decimal)insurance, (decimal)subsidies, 100m));

        claim.Decide(new ClaimDecision(status, (decimal)approved, "r"), Decided, "coordinator");

        Assert.Equal((decimal)net, claim.NetApprovedSpend);
    }

    [Fact]
    public void PendingClaimAddsNothingToTheEligibleCost() => Assert.Equal(0m, FileClaim(Content(0m, 0m, 100m)).NetApprovedSpend);
}
