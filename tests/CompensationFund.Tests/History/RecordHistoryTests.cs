using System.Net;
using System.Text.Json;
using CompensationFund.Tests.Support;
using Platform.Contracts;
using Platform.Testing;

namespace CompensationFund.Tests.History;

/// <summary>
/// Proposals, obligations and settlements keep their history as events: every state a record passed through
/// is readable, in the order the database recorded it, not only the latest document.
/// </summary>
public sealed class RecordHistoryTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static IReadOnlyList<JsonElement> States(JsonElement history) =>
        [.. history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("state"))];

    [Fact]
    public async Task AnObligationKeepsEveryPaymentAsAVersion()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync("hist");
        var period = "p" + Guid.NewGuid().ToString("N")[..8];
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(5);
        await (await finance.PostAsync("/api/fund/contribution-calls", new { period, total = 100m, dueDate = due, formula = "fixed-ratios", ratios = new Dictionary<string, decimal> { [city] = 1 } }))
            .JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync("/api/fund/payments", new { cityId = city, amount = 30m })).JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync("/api/fund/payments", new { cityId = city, amount = 70m })).JsonAsync(HttpStatusCode.Created);
        var obligation = (await (await finance.GetAsync($"/api/fund/obligations?cityId={city}")).JsonAsync(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetGuid();

        var history = await (await finance.GetAsync($"/api/fund/obligations/{obligation}/history")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([0, 1, 2], States(history).Select(s => s.GetProperty("payments").GetArrayLength()));
        var sequences = history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/api/fund/obligations/{Guid.NewGuid()}/history")).StatusCode);
    }

    [Fact]
    public async Task AProposalKeepsItsApprovalsAsVersions()
    {
        var (id, _) = await fund.ProposeAsync(1_000m);
        await fund.ApproveByTwoAsync(id, 300m);
        using var auditor = fund.Auditor();

        var history = await (await auditor.GetAsync($"/api/fund/compensation/{id}/history")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([0, 1, 2], States(history).Select(s => s.GetProperty("approvals").GetArrayLength()));
    }

    [Fact]
    public async Task ASettlementKeepsEachPaymentAsAVersion()
    {
        using var finance = fund.Finance();
        var (payer, payee) = (await fund.NewCityAsync("sp"), await fund.NewCityAsync("sq"));
        var allocation = Guid.NewGuid();
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), Allocations.Finalized(allocation, new Dictionary<string, decimal> { [payer] = 50m, [payee] = -50m }));
        await Eventually.Until(() => finance.GetAsync($"/api/fund/settlements/{allocation}"), r => r.StatusCode == HttpStatusCode.OK, because: "the fund to settle");
        await (await finance.PostAsync($"/api/fund/settlements/{allocation}/payments", new { cityId = payer, amount = 50m })).JsonAsync(HttpStatusCode.Created);

        var history = await (await finance.GetAsync($"/api/fund/settlements/{allocation}/history")).JsonAsync(HttpStatusCode.OK);

        Assert.True(States(history).Count >= 2, "the settlement as finalized and after the pay-in");
        Assert.NotEqual(States(history)[0].ToString(), States(history)[^1].ToString());
    }
}
