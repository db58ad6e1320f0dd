using CostSharing.Api.Domain.Incidents;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>
/// The claim deadline: claims are taken from confirmation until the deadline the agreement sets after the response
/// closes, and the costs are finalized once it has passed or every city has filed, so no city loses time.
/// </summary>
public sealed partial class IncidentTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.CostsFinalized)]
    [InlineData(IncidentStatus.Allocated)]
    [InlineData(IncidentStatus.Settled)]
    public void ClaimsAreRefusedOutsideConfirmedAndResponseClosed(IncidentStatus status)
    {
        var incident = Open();
        incident.Status = status;

        AssertRefused(() => incident.RequireOpenForClaims(Opened), "Not open for claims", conflict: true, $"it is {IncidentStatusNames.Of(status)}");
    }

    [Fact]
    public void ConfirmedIncidentTakesClaimsBeforeAnyDeadlineIsSet()
    {
        var incident = Confirmed();

        incident.RequireOpenForClaims(Opened.AddYears(1));

        Assert.Null(incident.ClaimDeadline);
    }

    [Fact]
    public void ClaimsAreTakenUntilTheDeadlineInclusiveAndRefusedAfter()
    {
        var incident = ResponseClosed();

        incident.RequireOpenForClaims(Deadline);

        AssertRefused(() => incident.RequireOpenForClaims(Deadline.AddTicks(1)), "Claim deadline passed", conflict: false, Deadline.ToString("O"));
    }

    [Fact]
    public void CostsWaitForTheDeadlineWhileACityHasNotFiledNamingIt()
    {
        var incident = ResponseClosed();

        AssertRefused(() => incident.FinalizeCosts(0, ["hefei"], Deadline), "Claim deadline still open", conflict: true, "anqing, wuhu may still file until");

        Assert.Equal((IncidentStatus.ResponseClosed, (DateTimeOffset?)null), (incident.Status, incident.CostsFinalizedAt));
    }

    [Fact]
    public void CostsAreFinalizedAfterTheDeadlineEvenIfACityNeverFiled()
    {
        var incident = ResponseClosed();

        incident.FinalizeCosts(0, ["hefei"], Deadline.AddTicks(1));

        Assert.Equal((IncidentStatus.CostsFinalized, (DateTimeOffset?)Deadline.AddTicks(1)), (incident.Status, incident.CostsFinalizedAt));
    }

    [Fact]
    public void CostsAreFinalizedBeforeTheDeadlineOnceEveryCityHasFiled()
    {
        var incident = ResponseClosed();

        incident.FinalizeCosts(0, ["wuhu", "hefei", "anqing", "nanjing"], Closed.AddDays(1));

        Assert.Equal(IncidentStatus.CostsFinalized, incident.Status);
    }
}
