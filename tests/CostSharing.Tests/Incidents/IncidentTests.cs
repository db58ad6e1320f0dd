using CostSharing.Api.Domain;
using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>An incident opens under one agreement version with its participants (domain.md §3.1, §4.2).</summary>
public sealed partial class IncidentTests
{
    private static readonly DateTimeOffset Occurred = new(2026, 7, 1, 6, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Opened => Occurred.AddHours(3);

    [Fact]
    public void OpeningKeepsTheAgreementVersionAndOrdersTheParticipantsById()
    {
        var incident = Open();

        Assert.Equal(7, incident.Id.Version);
        Assert.Equal(("yangtze", 3, "natural-disaster", "flood", "River flood", "Levee breach"),
            (incident.AgreementId, incident.AgreementVersion, incident.Category, incident.Scenario, incident.Title, incident.Description));
        Assert.Equal((IncidentStatus.Reported, Occurred, Opened), (incident.Status, incident.OccurredAt, incident.OpenedAt));
        Assert.Equal(["anqing", "hefei", "wuhu"], incident.Participants.Select(p => p.CityId));
        Assert.Equal(["anqing", "hefei", "wuhu"], incident.CityIds);
        Assert.Null(incident.ConfirmedAt);
        Assert.Null(incident.ClaimDeadline);
        Assert.Null(incident.CurrentAllocationId);
    }

    [Theory]
    [InlineData("hefei", true)]
    [InlineData("wuhu", true)]
    [InlineData("Hefei", false)]
    [InlineData("nanjing", false)]
    [InlineData(null, false)]
    public void OnlyParticipatingCitiesTakePart(string? cityId, bool takesPart) => Assert.Equal(takesPart, Open().TakesPart(cityId));

    [Fact]
    public void PartiesCarryTheParticipantsInputs()
    {
        var parties = Open().Parties();

        Assert.Equal(
            [new AllocationParty("anqing", Side.Affected, PopulationExposed: 20), new AllocationParty("hefei", Side.Origin, ContributionWeight: 2m), new AllocationParty("wuhu", Side.Affected, PopulationExposed: 10)],
            parties);
    }

    [Fact]
    public void PublishedWeightIsTheContributionForOriginAndTheKeyForAffectedCities()
    {
        var rule = AllocationRule.OriginPrimary(0.7m, AllocationKey.PopulationExposed);
        var incident = Open();

        Assert.Equal([20m, 2m, 10m], incident.Participants.Select(p => p.PublishedWeight(rule)));
        Assert.Equal(0m, Participant("bare", Side.Origin).PublishedWeight(rule));
        Assert.Equal(0m, Participant("bare", Side.Affected).PublishedWeight(rule));
    }

    [Fact]
    public void StatusNamesAreTheWireNames() =>
        Assert.Equal(
            ["reported", "confirmed", "response-closed", "costs-finalized", "allocated", "settled"],
            Enum.GetValues<IncidentStatus>().Select(IncidentStatusNames.Of));

    private static Incident Open() => Incident.Open(
        new IncidentDetails(
            "yangtze", 3, "natural-disaster", "flood", "River flood", "Levee breach", Occurred,
            [
                Participant("wuhu", Side.Affected) with { PopulationExposed = 10 },
                Participant("hefei", Side.Origin) with { ContributionWeight = 2m, ReportedAt = Occurred.AddHours(1) },
                Participant("anqing", Side.Affected) with { PopulationExposed = 20 },
            ]),
        Opened);

    private static Participant Participant(string cityId, Side side) => new(cityId, side, null, null, null, null, null, null, null);

    private static void AssertRefused(Action act, string title, bool conflict, string? detail = null)
    {
        var error = Assert.Throws<RuleViolationException>(act);
        Assert.Equal((title, conflict), (error.Title, error.IsConflict));
        if (detail is not null)
        {
            Assert.Contains(detail, error.Message);
        }
    }
}
