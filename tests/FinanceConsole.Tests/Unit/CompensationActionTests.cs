using System.Security.Claims;
using FinanceConsole.Web.Components.Pages;
using FinanceConsole.Web.Gateway;
using Xunit;


namespace FinanceConsole.Tests.Unit;

/// <summary>Which decision the console offers whom (docs/compensation-fund.md §7, §15): the buttons a person sees.</summary>
public sealed class CompensationActionTests
{
    private static readonly Approval Li = new("coordinator.li", "coordinator", DateTimeOffset.UnixEpoch, null);

    private static Compensation Proposal(string status, decimal paid = 0, decimal holdBackPending = 0, decimal clawable = 0, params Approval[] approvals) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "jiaxing", "compensation-v1", 1, 100m, "B", null, 80m, 80m, 0m, [], status, approvals,
        status == "proposed" ? 0 : 80m, 8m, false, 72m, paid, 0m, [], holdBackPending, clawable, null, null);

    private static ClaimsPrincipal Person(string sub, string role) =>
        new(new ClaimsIdentity([new Claim("sub", sub), new Claim("role", role)], "test"));

    private static string[] Offered(ClaimsPrincipal person, Compensation proposal) =>
        [.. CompensationAction.All.Where(a => a.MayDo(person, proposal)).Select(a => a.Name)];

    [Fact]
    public void ACoordinatorMayApproveOrRejectAProposal() =>
        Assert.Equal(["approve", "reject"], Offered(Person("coordinator.wang", "coordinator"), Proposal("proposed")));

    [Fact]
    public void ACoordinatorWhoApprovedAlreadyIsNotOfferedToApproveAgainButASecondOneIs()
    {
        var proposal = Proposal("proposed", approvals: Li);

        Assert.Empty(Offered(Person("coordinator.li", "coordinator"), proposal));
        Assert.Equal(["approve", "reject"], Offered(Person("coordinator.wang", "coordinator"), proposal));
    }

    [Fact]
    public void FinanceDisbursesOnlyAnApprovedProposalNotYetPaid()
    {
        var finance = Person("finance.chen", "finance");

        Assert.Empty(Offered(finance, Proposal("proposed")));
        Assert.Equal(["disburse"], Offered(finance, Proposal("approved")));
        Assert.Empty(Offered(finance, Proposal("paid", paid: 72m)));
    }

    [Fact]
    public void TheDisbursementIsTheApprovedAmountLessTheHoldBack() =>
        Assert.Equal(72m, CompensationAction.Find("disburse")!.AmountOf(Proposal("approved"), new CompensationDetailForm()));

    [Fact]
    public void ACoordinatorReleasesOrClawsBackOnlyWhatIsThere()
    {
        var coordinator = Person("coordinator.li", "coordinator");

        Assert.Equal(["release", "clawback"], Offered(coordinator, Proposal("paid", paid: 72m, holdBackPending: 8m, clawable: 80m)));
        Assert.Empty(Offered(coordinator, Proposal("paid", paid: 72m)));
    }

    [Fact]
    public void AClawbackMovesTheAmountTypedElseAllThatIsClawable()
    {
        var clawback = CompensationAction.Find("clawback")!;
        var proposal = Proposal("paid", clawable: 80m);

        Assert.Equal(12.5m, clawback.AmountOf(proposal, new CompensationDetailForm { Amount = "12.50" }));
        Assert.Equal(80m, clawback.AmountOf(proposal, new CompensationDetailForm()));
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("city")]
    [InlineData("evaluator")]
    public void NoOneElseIsOfferedAnything(string role)
    {
        foreach (var status in new[] { "proposed", "approved", "paid" })
        {
            Assert.Empty(Offered(Person("someone", role), Proposal(status, holdBackPending: 8m, clawable: 80m)));
        }
    }
}
