using System.Net;
using CompensationFund.Tests.Support;
using Platform.Contracts;
using Platform.Contracts.Trust;
using Platform.Testing;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Members;

/// <summary>A city pays into the deposit its trust tier requires, through real HTTP, PostgreSQL and the broker.</summary>
public sealed class PayDepositTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static string Path(string city) => $"/api/fund/members/{city}/deposit-payments";

    [Fact]
    public async Task PaymentPostsBankToDepositsHeldAndTheRequirementShowsItHeld()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync("dep");
        var bank = await finance.BalanceAsync("fund:bank");
        await fund.PublishAsync(Topics.TrustScore, city, new TrustTierChanged(city, "M", "C", 0.55, 0.1, false, DateTimeOffset.UtcNow));
        await Eventually.Until(
            async () => await (await finance.GetAsync($"/api/fund/members/{city}/deposit")).JsonAsync(HttpStatusCode.OK),
            d => d.GetProperty("tier").GetString() == "C", because: "the tier change");

        var response = await finance.PostAsync(Path(city), new { amount = 600_000.50m, reference = "DEP-" + city });
        var entry = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Equal(("city-deposit", "posted", "CNY"), (entry.GetProperty("kind").GetString(), entry.GetProperty("status").GetString(), entry.GetProperty("currency").GetString()));
        Assert.Equal($"/api/fund/entries/{entry.GetProperty("entryId").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal("C", entry.GetProperty("source").GetProperty("inputs").GetProperty("trustTier").GetString());
        Assert.Equal(600_000.50m, await finance.BalanceAsync($"city:{city}:deposits-held"));
        Assert.Equal(bank + 600_000.50m, await finance.BalanceAsync("fund:bank"));
        var deposit = await (await finance.GetAsync($"/api/fund/members/{city}/deposit")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1_500_000m, 600_000.50m, 899_999.50m), (deposit.GetProperty("required").GetDecimal(), deposit.GetProperty("held").GetDecimal(), deposit.GetProperty("shortfall").GetDecimal()));
    }

    [Fact]
    public async Task SameKeyReplaysAndSameBankReferencePostsOnce()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync("dep");
        var body = new { amount = 10m, reference = "DEP-" + city };

        var first = await (await finance.PostAsync(Path(city), body, "key-" + city)).JsonAsync(HttpStatusCode.Created);
        var replay = await (await finance.PostAsync(Path(city), body, "key-" + city)).JsonAsync(HttpStatusCode.Created);
        var again = await finance.PostAsync(Path(city), body, "other-" + city);

        Assert.Equal(first.GetProperty("entryId").GetGuid(), replay.GetProperty("entryId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(10m, await finance.BalanceAsync($"city:{city}:deposits-held"));
    }

    [Fact]
    public async Task RefusalsAnswerWithTheirStatusAndChangeNothing()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync("dep");
        var bank = await finance.BalanceAsync("fund:bank");

        Assert.Equal(HttpStatusCode.NotFound, (await finance.PostAsync(Path("no-such-city"), new { amount = 10m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsync(Path(city), new { amount = 10.001m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsync(Path(city), new { currency = "CNY" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await finance.PostAsync(Path(city), new { amount = 0m })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await finance.PostAsync(Path(city), new { amount = -5m })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await finance.PostAsync(Path(city), new { amount = 10m, currency = "USD" })).StatusCode);
        Assert.Equal((HttpStatusCode)428, (await finance.PostWithoutKeyAsync(Path(city), new { amount = 10m })).StatusCode);
        using var own = fund.City(city);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsync(Path(city), new { amount = 10m })).StatusCode);

        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:deposits-held"));
        Assert.Equal(bank, await finance.BalanceAsync("fund:bank"));
    }
}
