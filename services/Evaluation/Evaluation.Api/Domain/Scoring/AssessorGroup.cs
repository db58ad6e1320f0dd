namespace Evaluation.Api.Domain.Scoring;

/// <summary>
/// Who assesses (domain.md §3.3): third-party bodies primary, the coordinating body and the cities' self-assessment
/// secondary.
/// </summary>
public enum AssessorGroup
{
    ThirdParty,
    Coordinator,
    Self,
}

public static class AssessorGroups
{
    public static readonly IReadOnlyList<AssessorGroup> All = [AssessorGroup.ThirdParty, AssessorGroup.Coordinator, AssessorGroup.Self];

    public static string Name(this AssessorGroup group) => group switch
    {
        AssessorGroup.ThirdParty => "third-party",
        AssessorGroup.Coordinator => "coordinator",
        _ => "self",
    };

    public static bool TryParse(string? name, out AssessorGroup group)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                group = candidate;
                return true;
            }
        }

        group = default;
        return false;
    }
}
