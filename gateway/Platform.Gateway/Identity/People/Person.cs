namespace Platform.Gateway.Identity.People;

/// <summary>
/// Someone who signs in to the platform in a browser (architecture.md §6): a stable id (the username, which becomes
/// the token's <c>sub</c>, so approval quorums count people), a role, and the city or evaluator the role needs.
/// </summary>
public sealed record Person
{
    /// <summary>The username (the key of the people table).</summary>
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>ASP.NET Core Identity's PBKDF2 format; never the password.</summary>
    public required string PasswordHash { get; init; }

    public required string Role { get; init; }

    public string? CityId { get; init; }

    public string? EvaluatorId { get; init; }

    public int FailedAttempts { get; init; }

    public DateTimeOffset? LockedOutUntil { get; init; }
}
