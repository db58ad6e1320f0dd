using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using TrustScore.Tests.Support;

namespace TrustScore.Tests.Commitments;

/// <summary>Settlement commitments from real allocation and payment events: opened, paid, duplicated.</summary>
public sealed class SettlementCommitmentTests(TrustFixture fixture) : IClassFixture<TrustFixture>
{
    [Fact]
    public async Task AFinalizedAllocationGivesEachPayingCityASettlementCommitment()
    {
        var (payer, other, payee) = await ThreeCitiesAsync();
        var due = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(15);
        await fixture.PublishAsync(Topics.CostSharing, "x", Allocations.Finalized(Guid.NewGuid(), due, fixture.Clock.GetUtcNow(), (payer, "pay-in", 1_000m), (other, "pay-in", 500.01m), (payee, "pay-out", 1_500.01m)));

        using var city = fixture.City(payer);
        var commitment = await SingleCommitmentAsync(city, payer);

        Assert.Equal(("settlement", "open", 1_000m), (commitment.GetProperty("kind").GetString(), commitment.GetProperty("status").GetString(), commitment.GetProperty("amount").GetDecimal()));
        Assert.Equal(["fund", payee], commitment.GetProperty("creditors").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("third-party", commitment.GetProperty("verificationSource").GetString());
        Assert.True(commitment.GetProperty("severeIfDefaulted").GetBoolean());
        using var payeeClient = fixture.City(payee);
        Assert.Equal(0, (await payeeClient.GetFromJsonAsync<JsonElement>($"/api/trust/cities/{payee}/commitments")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await payeeClient.GetAsync($"/api/trust/cities/{payer}/commitments")).StatusCode);
    }

    [Fact]
    public async Task APaymentOnTimeFulfilsTheCommitmentAndRaisesTheScoreAndADuplicateChangesNothing()
    {
        var (payer, _, payee) = await ThreeCitiesAsync();
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var allocation = Guid.NewGuid();
        await fixture.PublishAsync(Topics.CostSharing, "x", Allocations.Finalized(allocation, today.AddDays(15), fixture.Clock.GetUtcNow(), (payer, "pay-in", 800m), (payee, "pay-out", 800m)));
        using var city = fixture.City(payer);
        await SingleCommitmentAsync(city, payer);
        var before = (await fixture.ScoreAsync(payer)).GetProperty("score").GetDouble();

        await fixture.PublishAsync(Topics.CompensationFund, payer, Allocations.Paid(allocation, payer, 300m, 500m, today.AddDays(15), today));
        var paid = Allocations.Paid(allocation, payer, 500m, 0m, today.AddDays(15), today);
        var messageId = await fixture.PublishAsync(Topics.CompensationFund, payer, paid);
        var fulfilled = await Eventually.Until(() => SingleCommitmentAsync(city, payer), c => c.GetProperty("status").GetString() == "fulfilled-on-time", because: "the payment to fulfil it");
        var after = await fixture.ScoreAsync(payer);

        Assert.Equal(1.0, fulfilled.GetProperty("fulfilment").GetDouble());
        Assert.Equal(800m, fulfilled.GetProperty("paid").GetDecimal());
        Assert.True(after.GetProperty("score").GetDouble() > before, $"{before} → {after.GetProperty("score").GetDouble()}");
        Assert.Equal(3, after.GetProperty("r").GetDouble());

        await fixture.PublishAsync(Topics.CompensationFund, payer, paid, messageId);
        await fixture.PublishAsync(Topics.CompensationFund, payer, paid);
        await fixture.PublishAsync(Topics.CostSharing, "x", Allocations.Finalized(allocation, today.AddDays(15), fixture.Clock.GetUtcNow(), (payer, "pay-in", 800m), (payee, "pay-out", 800m)));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var again = await SingleCommitmentAsync(city, payer);
        Assert.Equal(800m, again.GetProperty("paid").GetDecimal());
        Assert.Equal(3, again.GetProperty("evidence").GetArrayLength());
        Assert.Equal(after.GetProperty("r").GetDouble(), (await fixture.ScoreAsync(payer)).GetProperty("r").GetDouble());
    }

    internal static async Task<JsonElement> SingleCommitmentAsync(HttpClient client, string city)
    {
        var page = await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>($"/api/trust/cities/{city}/commitments"), p => p.GetProperty("total").GetInt32() > 0,
            timeout: TimeSpan.FromSeconds(60), because: $"a commitment of {city}");
        return Assert.Single(page.GetProperty("items").EnumerateArray().ToList());
    }

    private async Task<(string, string, string)> ThreeCitiesAsync()
    {
        var cities = await fixture.NewCitiesAsync(3);
        return (cities[0], cities[1], cities[2]);
    }
}
