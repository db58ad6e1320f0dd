using System.Net;
using System.Text;
using System.Text.Json;
using CompensationFund.Tests.Support;
using Platform.Contracts;
using Platform.Testing;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Settlement;

/// <summary>Finalized allocations settle through the clearing account, once, with corrections as differences and payments in and out.</summary>
public sealed class SettlementTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private async Task<(string A, string B, string C)> CitiesAsync() =>
        (await fund.NewCityAsync("up"), await fund.NewCityAsync("down"), await fund.NewCityAsync("side"));

    private static async Task<JsonElement> SettlementAsync(HttpClient client, Guid allocationId)
    {
        var response = await Eventually.Until(
            () => client.GetAsync($"/api/fund/settlements/{allocationId}"), r => r.StatusCode == HttpStatusCode.OK, because: "the fund to settle the allocation");
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FinalizedAllocationPostsOneNetAmountPerCityThroughClearing()
    {
        using var finance = fund.Finance();
        var (a, b, c) = await CitiesAsync();
        var clearing = await finance.BalanceAsync("fund:clearing");
        var allocation = Guid.NewGuid();

        var messageId = await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), Allocations.Finalized(allocation, new Dictionary<string, decimal> { [a] = 300m, [b] = -200m, [c] = -100m }));
        var settlement = await SettlementAsync(finance, allocation);

        Assert.Equal(300m, await finance.BalanceAsync($"city:{a}:settlement-receivable"));
        Assert.Equal(200m, await finance.BalanceAsync($"city:{b}:settlement-payable"));
        Assert.Equal(100m, await finance.BalanceAsync($"city:{c}:settlement-payable"));
        Assert.Equal(clearing, await finance.BalanceAsync("fund:clearing"));
        var entry = await (await finance.GetAsync($"/api/fund/entries/{settlement.GetProperty("entryId").GetGuid()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("settlement", entry.GetProperty("kind").GetString());
        Assert.Equal(messageId.ToString(), entry.GetProperty("source").GetProperty("eventId").GetString());
        Assert.Equal("origin-primary", entry.GetProperty("source").GetProperty("inputs").GetProperty("rule").GetString());
    }

    [Fact]
    public async Task SameAllocationDeliveredTwicePostsNothingTwice()
    {
        using var finance = fund.Finance();
        var (a, b, _) = await CitiesAsync();
        var allocation = Guid.NewGuid();
        var finalized = Allocations.Finalized(allocation, new Dictionary<string, decimal> { [a] = 50m, [b] = -50m });

        var messageId = await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), finalized);
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), finalized, messageId);
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), finalized);
        var marker = Guid.NewGuid();
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), Allocations.Finalized(marker, new Dictionary<string, decimal> { [a] = 1m, [b] = -1m }));
        await SettlementAsync(finance, marker);

        Assert.Equal(51m, await finance.BalanceAsync($"city:{a}:settlement-receivable"));
        Assert.Equal(51m, await finance.BalanceAsync($"city:{b}:settlement-payable"));
        Assert.Equal(1L, await fund.ScalarAsync<long>($"select count(distinct entry_id) from compensation_fund.fund_movement where account_id = 'city:{a}:settlement-receivable' and entry_id <> '{(await SettlementAsync(finance, marker)).GetProperty("entryId").GetGuid()}'"));
    }

    [Fact]
    public async Task CorrectionSettlesOnlyTheDifferencesEvenWhenACityChangesSides()
    {
        using var finance = fund.Finance();
        var (a, b, c) = await CitiesAsync();
        var original = Guid.NewGuid();
        var corrected = Guid.NewGuid();
        await fund.PublishAsync(Topics.CostSharing, original.ToString(), Allocations.Finalized(original, new Dictionary<string, decimal> { [a] = 300m, [b] = -200m, [c] = -100m }));
        await SettlementAsync(finance, original);

        // Corrected positions: a 250, b -300, c +50 (c now owes).
        await fund.PublishAsync(Topics.CostSharing, original.ToString(), Allocations.Finalized(corrected, new Dictionary<string, decimal> { [a] = 250m, [b] = -300m, [c] = 50m }, supersedes: original));
        await fund.PublishAsync(Topics.CostSharing, original.ToString(), Allocations.Superseded(original, corrected, new Dictionary<string, decimal> { [a] = -50m, [b] = -100m, [c] = 150m }));
        var settlement = await Eventually.Until(
            () => SettlementAsync(finance, original), s => s.GetProperty("adjustments").GetArrayLength() == 1, because: "the correction to settle");

        Assert.Equal(250m, await finance.BalanceAsync($"city:{a}:settlement-receivable"));
        Assert.Equal(300m, await finance.BalanceAsync($"city:{b}:settlement-payable"));
        Assert.Equal(0m, await finance.BalanceAsync($"city:{c}:settlement-payable"));
        Assert.Equal(50m, await finance.BalanceAsync($"city:{c}:settlement-receivable"));
        Assert.Equal(corrected, settlement.GetProperty("supersededBy").GetGuid());
        var viaCorrection = await (await finance.GetAsync($"/api/fund/settlements/{corrected}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(original, viaCorrection.GetProperty("supersedes").GetGuid());
    }

    [Fact]
    public async Task PaymentsInAndOutSettleTheCitiesAndArePublished()
    {
        using var finance = fund.Finance();
        var (a, b, _) = await CitiesAsync();
        var allocation = Guid.NewGuid();
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), Allocations.Finalized(allocation, new Dictionary<string, decimal> { [a] = 300m, [b] = -300m }));
        await SettlementAsync(finance, allocation);
        var bank = await finance.BalanceAsync("fund:bank");

        await (await finance.PostAsync($"/api/fund/settlements/{allocation}/payments", new { cityId = a, amount = 100m })).JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync($"/api/fund/settlements/{allocation}/payments", new { cityId = a, amount = 200m })).JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync($"/api/fund/settlements/{allocation}/payments", new { cityId = b, amount = 300m })).JsonAsync(HttpStatusCode.Created);
        var over = await finance.PostAsync($"/api/fund/settlements/{allocation}/payments", new { cityId = a, amount = 1m });

        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal(bank, await finance.BalanceAsync("fund:bank"));
        Assert.Equal(0m, await finance.BalanceAsync($"city:{a}:settlement-receivable"));
        Assert.Equal(0m, await finance.BalanceAsync($"city:{b}:settlement-payable"));
        var published = await Eventually.Until(
            () => Task.FromResult(TopicReader.ReadAll(fund.Infrastructure.Broker.BootstrapServers, $"{fund.Service.TopicNamespace}.{Topics.CompensationFund}", TimeSpan.FromMilliseconds(500))
                .Where(m => m.Message.Key == a || m.Message.Key == b).Select(m => JsonDocument.Parse(Encoding.UTF8.GetString(m.Message.Value)).RootElement).ToList()),
            list => list.Count >= 3, because: "three SettlementPaid events");
        Assert.Contains(published, e => e.GetProperty("cityId").GetString() == a && e.GetProperty("complete").GetBoolean() && e.GetProperty("direction").GetString() == "pay-in");
        Assert.Contains(published, e => e.GetProperty("cityId").GetString() == b && e.GetProperty("direction").GetString() == "pay-out");
    }

    [Fact]
    public async Task ACitySeesOnlyItsOwnPosition()
    {
        var (a, b, _) = await CitiesAsync();
        using var finance = fund.Finance();
        var allocation = Guid.NewGuid();
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), Allocations.Finalized(allocation, new Dictionary<string, decimal> { [a] = 10m, [b] = -10m }));
        await SettlementAsync(finance, allocation);
        using var city = fund.City(a);

        var own = await (await city.GetAsync($"/api/fund/settlements/{allocation}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(a, Assert.Single(own.GetProperty("positions").EnumerateArray()).GetProperty("cityId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsync($"/api/fund/settlements/{allocation}/payments", new { cityId = a, amount = 1m })).StatusCode);
    }

    [Fact]
    public async Task PostingToAnUnknownIdIsNotFoundOnEveryVerb()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync("nf");
        var unknown = Guid.NewGuid();

        var payment = await finance.PostAsync($"/api/fund/settlements/{unknown}/payments", new { cityId = city, amount = 1m });
        var release = await finance.PostAsync($"/api/fund/third-party-deposits/{unknown}/releases", new { cityId = city, amount = 1m, purpose = "flood-prevention", reason = "works" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (payment.StatusCode, release.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/api/fund/settlements/{unknown}")).StatusCode);
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:compensation-payable"));
    }
}
