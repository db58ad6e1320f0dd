namespace TrustScore.Api.Integration.Communication;

/// <summary>
/// The communication service's topic. Kept here until <c>Platform.Contracts.Topics</c> names it (its builders add it
/// there, with the topic lists); the string is the architecture's topic convention (architecture.md §3).
/// </summary>
public static class CommunicationTopic
{
    public const string Name = "communication.events.v1";
}
