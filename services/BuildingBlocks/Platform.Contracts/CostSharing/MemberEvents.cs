namespace Platform.Contracts.CostSharing;

/// <summary>A city's contact point for the community.</summary>
public sealed record MemberContact(string Name, string Email, string? Phone);

/// <summary>A city joined the cross-boundary community (registered by the coordinating body).</summary>
[IntegrationEvent("cost-sharing.member-joined", 1)]
public sealed record MemberJoined(
    string CityId,
    string Name,
    string Province,
    long Population,
    decimal GdpCny,
    MemberContact Contact,
    DateTimeOffset JoinedAt);

/// <summary>A member's registered details changed; carries the full new state and its version.</summary>
[IntegrationEvent("cost-sharing.member-updated", 1)]
public sealed record MemberUpdated(
    string CityId,
    string Name,
    string Province,
    long Population,
    decimal GdpCny,
    MemberContact Contact,
    long Version,
    DateTimeOffset UpdatedAt);
