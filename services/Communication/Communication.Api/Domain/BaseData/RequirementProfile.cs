namespace Communication.Api.Domain.BaseData;

/// <summary>
/// What a scenario requires per head of exposed population, set by the coordinating body: e.g. for a flood, 2 pumps per 100,000
/// people exposed.
/// </summary>
public sealed class RequirementProfile
{
    public string Id { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public List<Requirement> Requirements { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary><paramref name="Quantity"/> of the item per <paramref name="PerPeople"/> people exposed.</summary>
public sealed record Requirement(string Kind, string Resource, string Unit, decimal Quantity, long PerPeople)
{
    /// <summary>
    /// Implementation note: a requirement is a count of things that cannot be split (a pump, a team member), so it is rounded up:
    /// 150,000 people at 2 pumps per 100,000 need 3 pumps, not 2.
    /// </summary>
    public decimal For(long peopleExposed) => Math.Ceiling(Quantity * peopleExposed / PerPeople);
}
