namespace Platform.Contracts.CostSharing;

/// <summary>
/// The values of <see cref="IncidentParticipant.Side"/> and <see cref="AllocationShare.Side"/>: the origin leads, the
/// affected assist (发生地为主、波及地为辅, domain.md §3.1).
/// </summary>
public static class ParticipantSides
{
    public const string Origin = "origin";
    public const string Affected = "affected";
}
