using Communication.Api.Domain.Aid;

namespace Communication.Tests.Aid;

/// <summary>Mutual aid: request → offers → binding acceptance → dispatch → return, each step only from the right state.</summary>
public sealed class AidRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly AidLine Pumps = new("equipment", "pump", 4m, "units");

    private static AidRequest Request() => AidRequest.Open(Guid.NewGuid(), Guid.NewGuid(), "jiaxing", [Pumps], null, Now);

    [Fact]
    public void AcceptingAnOfferGivesTheAidItsOwnId()
    {
        var request = Request();
        var offer = request.Offer(Guid.NewGuid(), "hangzhou", [Pumps], 48_000.50m, "CNY", Now);
        var aidId = Guid.NewGuid();

        var accepted = request.Accept(offer.Id, aidId, Now.AddMinutes(5));

        Assert.Equal((AidOfferStatus.Accepted, (Guid?)aidId, (DateTimeOffset?)Now.AddMinutes(5)), (accepted.Status, accepted.AidId, accepted.AcceptedAt));
    }

    [Fact]
    public void ACityDoesNotOfferAidToItself()
    {
        var error = Assert.Throws<AidRuleException>(() => Request().Offer(Guid.NewGuid(), "jiaxing", [Pumps], 1m, "CNY", Now));

        Assert.False(error.Conflict);
    }

    [Fact]
    public void AnOfferIsAcceptedOnce()
    {
        var request = Request();
        var offer = request.Offer(Guid.NewGuid(), "hangzhou", [Pumps], 1m, "CNY", Now);
        request.Accept(offer.Id, Guid.NewGuid(), Now);

        var error = Assert.Throws<AidRuleException>(() => request.Accept(offer.Id, Guid.NewGuid(), Now));

        Assert.True(error.Conflict);
    }

    [Fact]
    public void AidIsDispatchedAfterAcceptanceAndReturnedAfterDispatch()
    {
        var request = Request();
        var offer = request.Offer(Guid.NewGuid(), "hangzhou", [Pumps], 1m, "CNY", Now);
        Assert.True(Assert.Throws<AidRuleException>(() => request.Dispatch(offer.Id, Now)).Conflict);
        request.Accept(offer.Id, Guid.NewGuid(), Now);
        Assert.True(Assert.Throws<AidRuleException>(() => request.Return(offer.Id, Now)).Conflict);

        request.Dispatch(offer.Id, Now.AddHours(1));
        var returned = request.Return(offer.Id, Now.AddDays(3));

        Assert.Equal((AidOfferStatus.Returned, (DateTimeOffset?)Now.AddHours(1), (DateTimeOffset?)Now.AddDays(3)), (returned.Status, returned.DispatchedAt, returned.ReturnedAt));
    }

    [Fact]
    public void AidDoesNotLeaveBeforeItWasAcceptedNorComeBackBeforeItLeft()
    {
        var request = Request();
        var offer = request.Offer(Guid.NewGuid(), "hangzhou", [Pumps], 1m, "CNY", Now);
        request.Accept(offer.Id, Guid.NewGuid(), Now);

        Assert.False(Assert.Throws<AidRuleException>(() => request.Dispatch(offer.Id, Now.AddSeconds(-1))).Conflict);
        request.Dispatch(offer.Id, Now.AddHours(2));
        Assert.False(Assert.Throws<AidRuleException>(() => request.Return(offer.Id, Now.AddHours(1))).Conflict);
        Assert.Equal(AidOfferStatus.Dispatched, offer.Status);
    }

    [Fact]
    public void AnUnknownOfferIsNotFound()
    {
        Assert.True(Assert.Throws<AidRuleException>(() => Request().Accept(Guid.NewGuid(), Guid.NewGuid(), Now)).NotFound);
    }

    [Fact]
    public void OffersOfSeveralCitiesAreKeptSideBySide()
    {
        var request = Request();
        request.Offer(Guid.NewGuid(), "hangzhou", [Pumps], 1m, "CNY", Now);
        request.Offer(Guid.NewGuid(), "huzhou", [Pumps], 2m, "CNY", Now);

        Assert.Equal(["hangzhou", "huzhou"], request.Offers.Select(o => o.ProviderCityId));
        Assert.All(request.Offers, o => Assert.Equal(AidOfferStatus.Offered, o.Status));
    }
}
