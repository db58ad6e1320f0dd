namespace Evaluation.Api.Domain.Scoring;

/// <summary>
/// How much each assessor group counts in the composite (domain.md §4.4): by default third party 0.6, coordinating
/// body 0.25, self 0.15. Weights lie in [0, 1], sum to 1, and the third party always weighs most.
/// </summary>
public sealed record GroupWeights(decimal ThirdParty, decimal Coordinator, decimal Self)
{
    public static GroupWeights Default { get; } = new(0.6m, 0.25m, 0.15m);

    public decimal Of(AssessorGroup group) => group switch
    {
        AssessorGroup.ThirdParty => ThirdParty,
        AssessorGroup.Coordinator => Coordinator,
        _ => Self,
    };

    /// <summary>What breaks the rules, one message each; empty when the weights may be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AssessorGroups.All.Any(g => Of(g) is < 0 or > 1))
        {
            problems.Add("Each group weight lies between 0 and 1.");
        }

        if (ThirdParty + Coordinator + Self != 1m)
        {
            problems.Add($"The group weights must sum to 1 (they sum to {ThirdParty + Coordinator + Self}).");
        }

        if (ThirdParty <= Coordinator || ThirdParty <= Self)
        {
            problems.Add("The third party must weigh more than the coordinating body and more than the self-assessment (domain.md §4.4).");
        }

        return problems;
    }
}
