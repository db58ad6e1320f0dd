using System.Net;
using CompensationFund.Tests.Support;
using Platform.Testing;

namespace CompensationFund.Tests.Compensation;

/// <summary>
/// The money holes of the compensation lifecycle: a clawback takes only what is held back or was actually
/// paid, only after full approval, and a partial one leaves the rest of the hold-back releasable; releases and clawbacks
/// need the approval quorum; a rejection is not an approval; an approved reservation never lapses on its own.
/// </summary>
public sealed class CompensationLifecycleTests(FundFixture fund) : IClassFixture<FundFixture>
{
    [Fact]
    public async Task AClawbackBeforeFullApprovalIsRefusedAndChargesNothing()
    {
        var (id, city) = await fund.ProposeAsync(1_000m);
        using var finance = fund.Finance();
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        await (await alice.PostAsync($"/api/fund/compensation/{id}/approve", new { amount = 200m })).JsonAsync(HttpStatusCode.OK);

        var refused = await alice.PostAsync($"/api/fund/compensation/{id}/clawback", new { amount = 50m, reason = "overstated" });
        var second = await bob.PostAsync($"/api/fund/compensation/{id}/clawback", new { amount = 50m, reason = "overstated" });

        await refused.JsonAsync(HttpStatusCode.Conflict);
        await second.JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:penalties-receivable"));
        Assert.Equal(0m, (await finance.GetProposalAsync(id)).GetProperty("clawedBack").GetDecimal());
    }

    [Fact]
    public async Task AClawbackTakesOnlyWhatIsHeldBackOrWasPaid()
    {
        var (id, city) = await fund.ProposeAsync(1_000m);
        using var finance = fund.Finance();
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        await fund.ApproveByTwoAsync(id, 200m);

        var tooMuch = await alice.PostAsync($"/api/fund/compensation/{id}/clawback", new { amount = 21m, reason = "nothing was paid yet" });
        var problem = await tooMuch.JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("at most 20.00", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var poolAvailable = (await finance.AccountAsync("fund:pool")).GetProperty("available").GetDecimal();
        await (await alice.PostAsync($"/api/fund/compensation/{id}/clawback", new { amount = 20m, reason = "held back only" })).JsonAsync(HttpStatusCode.OK);
        var clawed = await (await bob.PostAsync($"/api/fund/compensation/{id}/clawback", new { amount = 20m, reason = "held back only" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((20m, 0m), (clawed.GetProperty("clawedBack").GetDecimal(), clawed.GetProperty("holdBackPending").GetDecimal()));
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:penalties-receivable"));
        Assert.Equal(poolAvailable + 20m, (await finance.AccountAsync("fund:pool")).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task APartialClawbackLeavesTheRestOfTheHoldBackReleasable()
    {
        var (id, city) = await fund.ProposeAsync(1_000m);
        using var finance = fund.Finance();
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        await fund.ApproveByTwoAsync(id, 200m);
        await (await finance.PostAsync($"/api/fund/compensation/{id}/disburse", new { })).JsonAsync(HttpStatusCode.OK);

        await (await alice.PostAsync($"/api/fund/compensation/{id}/clawback", new { amount = 5m, reason = "one invoice too many" })).JsonAsync(HttpStatusCode.OK);
        var clawed = await (await bob.PostAsync($"/api/fund/compensation/{id}/clawback", new { amount = 5m, reason = "one invoice too many" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((5m, 15m), (clawed.GetProperty("clawedBack").GetDecimal(), clawed.GetProperty("holdBackPending").GetDecimal()));

        await (await alice.PostAsync($"/api/fund/compensation/{id}/hold-back/release", new { })).JsonAsync(HttpStatusCode.OK);
        await (await bob.PostAsync($"/api/fund/compensation/{id}/hold-back/release", new { })).JsonAsync(HttpStatusCode.OK);
        var paid = await (await finance.PostAsync($"/api/fund/compensation/{id}/disburse", new { })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(195m, paid.GetProperty("paid").GetDecimal());
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:compensation-payable"));
        Assert.Equal(0m, (await finance.AccountAsync($"city:{city}:compensation-payable")).GetProperty("pendingCredits").GetDecimal());
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:penalties-receivable"));
    }

    [Fact]
    public async Task ReleasingTheHoldBackNeedsTheQuorum()
    {
        var (id, city) = await fund.ProposeAsync(1_000m);
        using var finance = fund.Finance();
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        await fund.ApproveByTwoAsync(id, 100m);

        var first = await (await alice.PostAsync($"/api/fund/compensation/{id}/hold-back/release", new { })).JsonAsync(HttpStatusCode.OK);
        var again = await alice.PostAsync($"/api/fund/compensation/{id}/hold-back/release", new { });

        Assert.False(first.GetProperty("holdBackReleased").GetBoolean());
        Assert.Equal(1, first.GetProperty("pendingRelease").GetProperty("approvals").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:compensation-payable"));

        var released = await (await bob.PostAsync($"/api/fund/compensation/{id}/hold-back/release", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.True(released.GetProperty("holdBackReleased").GetBoolean());
        Assert.Equal(10m, await finance.BalanceAsync($"city:{city}:compensation-payable"));
        var decision = Assert.Single(released.GetProperty("decisions").EnumerateArray());
        Assert.Equal(["test-coordinator-alice", "test-coordinator-bob"], decision.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("by").GetString()).Order());
    }

    [Fact]
    public async Task ARejectionIsNotAnApproval()
    {
        var (id, _) = await fund.ProposeAsync(1_000m);
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        await (await alice.PostAsync($"/api/fund/compensation/{id}/approve", new { })).JsonAsync(HttpStatusCode.OK);

        var rejected = await (await bob.PostAsync($"/api/fund/compensation/{id}/reject", new { reason = "not an affected city" })).JsonAsync(HttpStatusCode.OK);
        var late = await bob.PostAsync($"/api/fund/compensation/{id}/approve", new { });

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(1, rejected.GetProperty("approvals").GetArrayLength());
        Assert.Equal(1, rejected.GetProperty("rejections").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Null(rejected.GetProperty("mainReservation").GetString());
    }

    [Fact]
    public async Task AnApprovedReservationNeverLapsesOnItsOwn()
    {
        var (id, _) = await fund.ProposeAsync(1_000m);
        using var finance = fund.Finance();
        var approved = await fund.ApproveByTwoAsync(id, 100m);

        await fund.Get<CompensationFund.Api.Features.Reservations.ReservationExpiry>().SweepAsync(CancellationToken.None);

        var main = await (await finance.GetAsync($"/api/fund/entries/{approved.GetProperty("mainReservation").GetGuid()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", main.GetProperty("status").GetString());
        Assert.Equal(DateTimeOffset.MaxValue, main.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    [InlineData("disburse")]
    [InlineData("hold-back/release")]
    [InlineData("clawback")]
    public async Task AnUnknownProposalIsNotFoundOnEveryVerb(string verb)
    {
        using var coordinator = fund.Coordinator("alice");
        using var finance = fund.Finance();
        var client = verb == "disburse" ? finance : coordinator;

        var response = await client.PostAsync($"/api/fund/compensation/{Guid.NewGuid()}/{verb}", new { amount = 1m, reason = "x" });

        await response.JsonAsync(HttpStatusCode.NotFound);
    }
}
