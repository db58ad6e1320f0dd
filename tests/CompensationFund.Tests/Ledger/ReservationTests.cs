using System.Net;
using CompensationFund.Tests.Support;
using Platform.Testing;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>Two-phase entries through the API: money held, then posted in full or part, voided, or expired.</summary>
public sealed class ReservationTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static object Reservation(string debit, string credit, decimal amount, DateTimeOffset? expiresAt = null) =>
        new { description = "hold", expiresAt, lines = new[] { Line(debit, "debit", amount), Line(credit, "credit", amount) } };

    /// <summary>An earmark-like account of its own: a city's deposits, funded from the bank, with a floor of zero.</summary>
    private async Task<(HttpClient Finance, string Held, string Payable)> FundedCityAsync(decimal amount)
    {
        var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var held = $"city:{city}:deposits-held";
        await (await finance.PutAsync($"/api/fund/accounts/{held}/limits", System.Net.Http.Json.JsonContent.Create(new { floor = 0m }))).JsonAsync(HttpStatusCode.OK);
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", held, amount))).JsonAsync(HttpStatusCode.Created);
        // The receiving side is another city's deposits: a city's payables change only through their own operations.
        return (finance, held, $"city:{await fund.NewCityAsync()}:deposits-held");
    }

    [Fact]
    public async Task AReservationHoldsMoneyAgainstTheFloorUntilPostedInPart()
    {
        var (finance, held, payable) = await FundedCityAsync(100m);
        using var _ = finance;
        var reservation = await (await finance.PostAsync("/api/fund/reservations", Reservation(held, payable, 80m))).JsonAsync(HttpStatusCode.Created);
        var id = reservation.GetProperty("entryId").GetGuid();

        var account = await finance.AccountAsync(held);
        Assert.Equal(100m, account.GetProperty("balance").GetDecimal());
        Assert.Equal(20m, account.GetProperty("available").GetDecimal());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await finance.PostAsync("/api/fund/entries", Transfer(held, payable, 20.01m))).StatusCode);

        var posted = await (await finance.PostAsync($"/api/fund/reservations/{id}/post", new { amount = 50m })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("posted", posted.GetProperty("status").GetString());
        Assert.Equal(50m, await finance.BalanceAsync(held));
        Assert.Equal(50m, (await finance.AccountAsync(held)).GetProperty("available").GetDecimal());
        Assert.Equal(50m, await finance.BalanceAsync(payable));
    }

    [Fact]
    public async Task AVoidReleasesTheMoneyAndASecondDecisionConflicts()
    {
        var (finance, held, payable) = await FundedCityAsync(10m);
        using var _ = finance;
        var id = (await (await finance.PostAsync("/api/fund/reservations", Reservation(held, payable, 10m))).JsonAsync(HttpStatusCode.Created))
            .GetProperty("entryId").GetGuid();

        await (await finance.PostAsync($"/api/fund/reservations/{id}/void", new { reason = "approval withdrawn" })).JsonAsync(HttpStatusCode.OK);
        var late = await finance.PostAsync($"/api/fund/reservations/{id}/post", new { });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(10m, (await finance.AccountAsync(held)).GetProperty("available").GetDecimal());
        Assert.Equal(0m, await finance.BalanceAsync(payable));
    }

    [Fact]
    public async Task AnExpiredReservationIsReleasedBySweeperAndCannotBePosted()
    {
        var (finance, held, payable) = await FundedCityAsync(10m);
        using var _ = finance;
        var id = (await (await finance.PostAsync("/api/fund/reservations", Reservation(held, payable, 10m, DateTimeOffset.UtcNow.AddSeconds(1))))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("entryId").GetGuid();

        var entry = await Eventually.Until(
            async () => await (await finance.GetAsync($"/api/fund/entries/{id}")).JsonAsync(HttpStatusCode.OK),
            e => e.GetProperty("status").GetString() == "expired", because: "the sweeper to expire the reservation");

        Assert.Equal(2, entry.GetProperty("version").GetInt64());
        Assert.Equal(10m, (await finance.AccountAsync(held)).GetProperty("available").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await finance.PostAsync($"/api/fund/reservations/{id}/post", new { })).StatusCode);
    }

    [Fact]
    public async Task ALimitCannotBeSetThatTheBalanceAlreadyBreaks()
    {
        var (finance, held, _) = await FundedCityAsync(10m);
        using var _ = finance;

        var problem = await (await finance.PutAsync($"/api/fund/accounts/{held}/limits", System.Net.Http.Json.JsonContent.Create(new { ceiling = 5m })))
            .JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("outside these limits", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
