using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>
/// Confirming an incident that arrived without the rule's inputs (an escalated warning names cities, not figures): the
/// coordinating body gives them, for participants only, a contribution weight only to an origin city.
/// </summary>
public sealed partial class IncidentTests
{
    [Fact]
    public void ConfirmingWithInputsGivesTheParticipantsWhatTheyLackAndKeepsTheRest()
    {
        var incident = Open();

        incident.Confirm(Opened, [new ParticipantInputs("hefei", 5m, null, null, null, null, null), new ParticipantInputs("wuhu", null, 40, 1_000m, null, null, null)]);

        Assert.Equal(IncidentStatus.Confirmed, incident.Status);
        Assert.Equal(
            [new AllocationParty("anqing", Side.Affected, PopulationExposed: 20), new AllocationParty("hefei", Side.Origin, ContributionWeight: 5m),
                new AllocationParty("wuhu", Side.Affected, PopulationExposed: 40, DamageAvoided: 1_000m)],
            incident.Parties());
    }

    [Fact]
    public void InputsForAStrangerOrAWeightForAnAffectedCityAreRefusedAndNothingChanges()
    {
        var stranger = Open();
        var affectedWeight = Open();

        AssertRefused(() => stranger.Confirm(Opened, [new ParticipantInputs("nanjing", null, 5, null, null, null, null)]), "Not a participant", conflict: false, "nanjing does not take part");
        AssertRefused(() => affectedWeight.Confirm(Opened, [new ParticipantInputs("wuhu", 1m, null, null, null, null, null)]), "Not an origin city", conflict: false, "only origin cities carry a contribution weight");
        Assert.Equal((IncidentStatus.Reported, IncidentStatus.Reported), (stranger.Status, affectedWeight.Status));
        Assert.Equal(Open().Parties(), affectedWeight.Parties());
    }
}
