namespace Evaluation.Api.Domain.Scoring;

/// <summary>One assessor group's score of a subject (0–100), or null when the group gave none.</summary>
public sealed record GroupScore(AssessorGroup Group, decimal Weight, decimal? Score);

/// <summary>A subject's composite score, whether weights were re-normalised, which groups were missing, and its grade.</summary>
public sealed record CompositeScore(decimal Score, bool Renormalised, IReadOnlyList<AssessorGroup> MissingGroups, string Grade);

/// <summary>
/// Composite = Σ over assessor groups of group weight × group score (domain.md §4.4).
/// </summary>
/// <remarks>
/// Implementation note: a group with a weight but no score is missing; the weights of the groups present are then
/// re-normalised to sum to 1 (each divided by their sum) and the result is flagged, so a subject is never marked down
/// for an assessment nobody made. A zero-weight group is never missing. The composite is published to
/// <see cref="PublishedDecimals"/> places (half away from zero) and the grade is decided on that published value, so a
/// reader checking the boundaries always agrees with the grade.
/// </remarks>
public static class Composite
{
    public const int PublishedDecimals = 2;

    /// <returns>Null when no weighted group scored the subject at all.</returns>
    public static CompositeScore? Combine(IReadOnlyList<GroupScore> groups)
    {
        var missing = groups.Where(g => g.Weight > 0 && g.Score is null).Select(g => g.Group).ToList();
        var present = groups.Where(g => g.Weight > 0 && g.Score is not null).ToList();
        var weight = present.Sum(g => g.Weight);
        if (weight == 0)
        {
            return null;
        }

        var score = Math.Round(present.Sum(g => g.Weight * g.Score!.Value) / weight, PublishedDecimals, MidpointRounding.AwayFromZero);
        return new CompositeScore(score, missing.Count > 0, missing, Grade.Of(score));
    }
}
