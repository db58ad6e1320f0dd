using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace CostSharing.Tests.Agreements;

/// <summary>An agreement that breaks "origin leads" is refused and changes nothing (domain.md §4.2).</summary>
public sealed class BadAgreementInputTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task AgreementWithAnOriginShareBelowOneHalfIsRefused()
    {
        var scenario = new Scenario(fixture, "alpha");
        var before = await fixture.AllWritesAsync();

        var response = await scenario.Coordinator.PostAsJsonAsync("/api/cost-sharing/agreements", scenario.AgreementBody(scenario.Id("agreement"), Scenario.OriginPrimary(0.4m, "equal"), ["up"]));

        await Scenario.AssertProblemAsync(response, HttpStatusCode.BadRequest, "between 0.5 and 1");
        Assert.Equal(before, await fixture.AllWritesAsync());
    }
}
