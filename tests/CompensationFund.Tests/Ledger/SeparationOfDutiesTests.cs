using System.Net;
using CompensationFund.Tests.Support;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// Separation of duties: the generic endpoints act only on manual entries and accounts that take manual
/// entries; a domain entry changes only through its own operation, which enforces its rules (the quorum, the purpose).
/// </summary>
public sealed class SeparationOfDutiesTests(FundFixture fund) : IClassFixture<FundFixture>
{
    [Theory]
    [InlineData("compensation-payable")]
    [InlineData("settlement-payable")]
    [InlineData("contributions-receivable")]
    [InlineData("penalties-receivable")]
    public async Task AManualEntryOnACitysDomainAccountIsRefused(string kind)
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var bank = await finance.BalanceAsync("fund:bank");

        var problem = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:pool", $"city:{city}:{kind}", 1m))).JsonAsync(HttpStatusCode.UnprocessableEntity);
        var reserved = await finance.PostAsync("/api/fund/reservations", new { description = "hold", lines = new[] { Line("fund:pool", "debit", 1m), Line($"city:{city}:{kind}", "credit", 1m) } });

        Assert.Contains("only through that operation", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reserved.StatusCode);
        Assert.Equal(bank, await finance.BalanceAsync("fund:bank"));
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:{kind}"));
    }

    [Fact]
    public async Task ACompensationReservationIsNotDecidedThroughTheGenericEndpoints()
    {
        var (id, city) = await fund.ProposeAsync(1_000m);
        using var finance = fund.Finance();
        var approved = await fund.ApproveByTwoAsync(id, 100m);
        var main = approved.GetProperty("mainReservation").GetGuid();

        var post = await (await finance.PostAsync($"/api/fund/reservations/{main}/post", new { })).JsonAsync(HttpStatusCode.UnprocessableEntity);
        var voided = await finance.PostAsync($"/api/fund/reservations/{main}/void", new { reason = "quietly" });

        Assert.Contains("compensation entry", post.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, voided.StatusCode);
        Assert.Equal("pending", (await (await finance.GetAsync($"/api/fund/entries/{main}")).JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:compensation-payable"));
    }

    [Fact]
    public async Task AReversalOfADomainEntryIsRefusedWithTheReason()
    {
        var (id, city) = await fund.ProposeAsync(1_000m);
        using var finance = fund.Finance();
        await fund.ApproveByTwoAsync(id, 100m);
        await (await finance.PostAsync($"/api/fund/compensation/{id}/disburse", new { })).JsonAsync(HttpStatusCode.OK);
        var statement = await (await finance.GetAsync($"/api/fund/members/{city}/statement")).JsonAsync(HttpStatusCode.OK);
        var payment = statement.GetProperty("accounts").EnumerateArray().SelectMany(a => a.GetProperty("lines").EnumerateArray())
            .First(l => l.GetProperty("why").GetProperty("kind").GetString() == "compensation-payment").GetProperty("entryId").GetGuid();

        var problem = await (await finance.PostAsync($"/api/fund/entries/{payment}/reversal", new { reason = "undo" })).JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("compensation-payment entry", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"POST /api/fund/entries/{payment}/reversal-requests", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(90m, (await finance.GetProposalAsync(id)).GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task APayoutCannotPayApprovedCompensationAroundItsDisbursement()
    {
        var (id, city) = await fund.ProposeAsync(1_000m);
        using var finance = fund.Finance();
        await fund.ApproveByTwoAsync(id, 100m);
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        await (await alice.PostAsync($"/api/fund/compensation/{id}/hold-back/release", new { })).JsonAsync(HttpStatusCode.OK);
        await (await bob.PostAsync($"/api/fund/compensation/{id}/hold-back/release", new { })).JsonAsync(HttpStatusCode.OK);
        var bank = await finance.BalanceAsync("fund:bank");

        var problem = await (await finance.PostAsync("/api/fund/payouts", new { cityId = city, amount = 10m })).JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("approved compensation", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(bank, await finance.BalanceAsync("fund:bank"));
    }

    [Fact]
    public async Task AManualEntryIsStillReversedThroughTheGenericEndpoint()
    {
        using var finance = fund.Finance();
        var entry = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 3m))).JsonAsync(HttpStatusCode.Created);

        var reversal = await finance.PostAsync($"/api/fund/entries/{entry.GetProperty("entryId").GetGuid()}/reversal", new { reason = "typo" });

        await reversal.JsonAsync(HttpStatusCode.Created);
    }
}
