using Evaluation.Api.Domain.Incidents;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>The cost input of an incident follows the latest allocation, whatever order the events arrive in.</summary>
public sealed class EvaluatedIncidentTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LaterAllocationReplacesAndOlderOrRepeatedOneIsIgnored()
    {
        var incident = new EvaluatedIncident { Id = Guid.NewGuid() };
        var (first, correction) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.True(incident.RecordAllocation(first, Now, "CNY", new Dictionary<string, decimal> { ["a"] = 10m }));
        Assert.True(incident.RecordAllocation(correction, Now.AddDays(1), "CNY", new Dictionary<string, decimal> { ["a"] = 12m }));
        Assert.False(incident.RecordAllocation(first, Now, "CNY", new Dictionary<string, decimal> { ["a"] = 10m }));
        Assert.False(incident.RecordAllocation(correction, Now.AddDays(1), "CNY", new Dictionary<string, decimal> { ["a"] = 99m }));

        Assert.Equal((correction, 12m), (incident.AllocationId!.Value, incident.CostInputs["a"]));
    }
}
