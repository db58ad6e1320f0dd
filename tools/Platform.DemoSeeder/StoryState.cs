namespace Platform.DemoSeeder;

/// <summary>What the story created, as the platform named it: the scenario test follows these ids from service to service.</summary>
internal sealed class StoryState
{
    public Guid WarningId { get; set; }

    public IReadOnlyList<string> ReachedCityIds { get; set; } = [];

    public Guid IncidentId { get; set; }

    public Guid AidId { get; set; }

    public Guid AllocationId { get; set; }

    public IReadOnlyList<Guid> CompensationIds { get; set; } = [];

    /// <summary>The activity round of the incident (its id is the incident's).</summary>
    public Guid RoundId { get; set; }

    public Dictionary<string, Guid> DepositIds { get; } = new(StringComparer.Ordinal);
}
