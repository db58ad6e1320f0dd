using CostSharing.Api.Domain;
using CostSharing.Api.Domain.Claims;
using Xunit;

namespace CostSharing.Tests.Claims;

/// <summary>A claim is filed, amended and decided with every change kept in its history (domain.md §4.2).</summary>
public sealed partial class CostClaimTests
{
    private static readonly DateTimeOffset Filed = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid IncidentId = Guid.Parse("0193f0a0-0000-7000-8000-000000000001");

    [Fact]
    public void FilingRecordsTheContentAsTheFirstRevision()
    {
        var claim = FileClaim(Content(10m, 5m, 100m, 20.5m));

        Assert.Equal(7, claim.Id.Version);
        Assert.Equal((IncidentId, "huangshan", "CNY"), (claim.IncidentId, claim.CityId, claim.Currency));
        Assert.Equal([1, 2], claim.Lines.Select(l => l.LineNo));
        Assert.Equal(120.5m, claim.ClaimedAmount);
        Assert.Equal((10m, 5m), (claim.Insurance, claim.Subsidies));
        Assert.Equal((ClaimStatus.Submitted, true, (decimal?)null), (claim.Status, claim.IsPending, claim.ApprovedAmount));
        Assert.Equal((1, Filed, Filed), (claim.Revision, claim.FiledAt, claim.UpdatedAt));
        var filed = Assert.Single(claim.History);
        Assert.Equal(
            (1, "filed", ClaimStatus.Submitted, (decimal?)null, "receipts attached", Filed, "huangshan", 10m, 5m),
            (filed.Revision, filed.Change, filed.Status, filed.ApprovedAmount, filed.Reason, filed.At, filed.By, filed.Insurance, filed.Subsidies));
        Assert.Equal(claim.Lines, filed.Lines);
    }

    [Fact]
    public void AmendingKeepsTheEarlierContentInTheHistory()
    {
        var claim = FileClaim(Content(0m, 0m, 100m));

        claim.Amend(Content(1m, 2m, 80m, 30m), Filed.AddHours(2), "huangshan");

        Assert.Equal(110m, claim.ClaimedAmount);
        Assert.Equal((1m, 2m, 2, Filed.AddHours(2), Filed), (claim.Insurance, claim.Subsidies, claim.Revision, claim.UpdatedAt, claim.FiledAt));
        Assert.Equal(["filed", "amended"], claim.History.Select(h => h.Change));
        Assert.Equal(100m, claim.History[0].Lines.Sum(l => l.Amount));
        Assert.Equal(110m, claim.History[1].Lines.Sum(l => l.Amount));
        Assert.Equal((2, "huangshan", Filed.AddHours(2)), (claim.History[1].Revision, claim.History[1].By, claim.History[1].At));
    }

    [Fact]
    public void AmendingADecidedClaimSendsItBackForAFreshDecision()
    {
        var claim = FileClaim(Content(0m, 0m, 100m));
        claim.Decide(new ClaimDecision(ClaimStatus.PartlyApproved, 60m, "one receipt missing"), Filed.AddHours(1), "coordinator");

        claim.Amend(Content(0m, 0m, 90m), Filed.AddHours(2), "huangshan");

        Assert.Equal((ClaimStatus.Submitted, true), (claim.Status, claim.IsPending));
        Assert.Equal(((decimal?)null, (string?)null, (DateTimeOffset?)null), (claim.ApprovedAmount, claim.DecisionReason, claim.DecidedAt));
        Assert.Equal(0m, claim.NetApprovedSpend);
        Assert.Equal(["filed", "decided", "amended"], claim.History.Select(h => h.Change));
        Assert.Equal((ClaimStatus.Submitted, (decimal?)null), (claim.History[^1].Status, claim.History[^1].ApprovedAmount));
    }

    private static CostClaim FileClaim(ClaimContent content) => CostClaim.File(IncidentId, "huangshan", "CNY", content, Filed);

    private static ClaimContent Content(decimal insurance, decimal subsidies, params decimal[] amounts) =>
        new(amounts.Select((a, i) => new ClaimLine(i + 1, "personnel", a, $"line {i + 1}", null)).ToList(), insurance, subsidies, "receipts attached");

    private static void AssertRefused(Action act, string title, bool conflict)
    {
        var error = Assert.Throws<RuleViolationException>(act);
        Assert.Equal((title, conflict), (error.Title, error.IsConflict));
    }
}
