using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using TrustScore.Tests.Support;

namespace TrustScore.Tests.Commitments;

/// <summary>An overdue commitment defaults after the grace period, driven by the clock.</summary>
public sealed class DefaultTests(TrustFixture fixture) : IClassFixture<TrustFixture>
{
    [Fact]
    public async Task AnUnpaidSettlementDefaultsAfterTheGracePeriodForcesTierDAndPublishesTheTierChange()
    {
        var cities = await fixture.NewCitiesAsync(2);
        var (payer, payee) = (cities[0], cities[1]);
        var opened = fixture.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(opened.UtcDateTime);
        await fixture.PublishAsync(Topics.CostSharing, "x", Allocations.Finalized(Guid.NewGuid(), today, opened, (payer, "pay-in", 1_000m), (payee, "pay-out", 1_000m)));
        using var coordinator = fixture.Coordinator();
        await SettlementCommitmentTests.SingleCommitmentAsync(coordinator, payer);

        fixture.Clock.Advance(TimeSpan.FromDays(6));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("open", (await SettlementCommitmentTests.SingleCommitmentAsync(coordinator, payer)).GetProperty("status").GetString());

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var defaulted = await Eventually.Until(
            () => SettlementCommitmentTests.SingleCommitmentAsync(coordinator, payer), c => c.GetProperty("status").GetString() == "defaulted", because: "the sweeper to default it");
        var score = await fixture.ScoreAsync(payer);

        Assert.Equal(0, defaulted.GetProperty("fulfilment").GetDouble());
        Assert.Equal("D", score.GetProperty("tier").GetString());
        Assert.True(score.GetProperty("severeDefault").GetBoolean());
        Assert.True(score.GetProperty("score").GetDouble() < 0.5);
        var changed = await Eventually.Until(
            () => Task.FromResult(fixture.Published(payer)), p => p.Any(e => e.Type == "trust-score.tier-changed"), because: "the tier change to be published");
        var tierChanged = Assert.Single(changed, e => e.Type == "trust-score.tier-changed").Body;
        Assert.Equal(("M", "D", true), (tierChanged.GetProperty("previousTier").GetString(), tierChanged.GetProperty("tier").GetString(), tierChanged.GetProperty("severeDefault").GetBoolean()));

        var before = await coordinator.GetFromJsonAsync<JsonElement>($"/api/trust/scores/{payer}?asOf={Uri.EscapeDataString(opened.AddDays(1).ToString("O"))}");
        Assert.Equal(("M", 0.5), (before.GetProperty("tier").GetString(), before.GetProperty("score").GetDouble()));
        var history = await coordinator.GetFromJsonAsync<JsonElement>($"/api/trust/scores/{payer}/history");
        Assert.Contains(history.GetProperty("items").EnumerateArray(), h => h.GetProperty("tier").GetString() == "D" && h.GetProperty("cause").GetString() == "default after the grace period");

        var explanation = await coordinator.GetFromJsonAsync<JsonElement>($"/api/trust/scores/{payer}/explanation");
        var item = Assert.Single(explanation.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(("settlement", 3.0, 0.0), (item.GetProperty("kind").GetString(), item.GetProperty("weight").GetDouble(), item.GetProperty("fulfilment").GetDouble()));
        Assert.Single(explanation.GetProperty("severeDefaults").EnumerateArray());
    }
}
