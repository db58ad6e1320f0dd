using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Contracts.Fund;
using Platform.Testing;
using TrustScore.Tests.Support;

namespace TrustScore.Tests.Commitments;

/// <summary>Contribution commitments from real fund events, whichever of the call and its payment arrives first.</summary>
public sealed class ContributionCommitmentTests(TrustFixture fixture) : IClassFixture<TrustFixture>
{
    [Fact]
    public async Task APaymentThatArrivesBeforeItsCallIsAppliedOnceTheCallHasOpenedTheCommitment()
    {
        var city = (await fixture.NewCitiesAsync(1))[0];
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var due = today.AddDays(10);
        var payment = new PaymentReceived(
            Guid.NewGuid(), city, PaymentPurposes.Contribution, Guid.NewGuid(), Currencies.Cny, 1_000m, 1_000m, 0m, today, due, 0, true, fixture.Clock.GetUtcNow());
        await fixture.PublishAsync(Topics.CompensationFund, city, payment);
        await Task.Delay(TimeSpan.FromSeconds(2));

        await fixture.PublishAsync(Topics.CompensationFund, "calls", new ContributionCalled(Guid.NewGuid(), "2026", city, Currencies.Cny, 1_000m, due, "fixed-ratios", fixture.Clock.GetUtcNow()));

        using var client = fixture.City(city);
        var page = await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>($"/api/trust/cities/{city}/commitments"),
            p => p.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("status").GetString() == "fulfilled-on-time"),
            timeout: TimeSpan.FromSeconds(60), because: "the parked payment to fulfil the commitment its call opened");
        var commitment = Assert.Single(page.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(("contribution", 1_000m), (commitment.GetProperty("kind").GetString(), commitment.GetProperty("paid").GetDecimal()));
    }
}
