using Evaluation.Api.Domain.Scoring;

namespace Evaluation.Api.Domain.Rounds;

/// <summary>The scores of one group for one subject (published to two decimals) and how many assessors made them.</summary>
public sealed record GroupResult(string Group, decimal? Score, int Assessors);

/// <summary>One subject's results: group scores, composite and grade, both rankings, inflation, and the money it earns or costs.</summary>
public sealed record SubjectResult(
    string SubjectId,
    string Kind,
    IReadOnlyList<GroupResult> Groups,
    decimal? Composite,
    bool Renormalised,
    IReadOnlyList<string> MissingGroups,
    string? Grade,
    int? Rank,
    double? TopsisCloseness,
    int? TopsisRank,
    InflationFinding? Inflation,
    decimal? Reward,
    decimal? Penalty)
{
    /// <summary>What the city spent on the round's incidents (approved claims), shown beside its scores; null when unknown.</summary>
    public decimal? CostInput { get; init; }
}

/// <summary>A round's results: the third-party panel's reliability and every subject's outcome.</summary>
/// <param name="Alpha">Krippendorff's α (interval) of the third-party panel; null when undefined.</param>
/// <param name="Reliable">α ≥ 0.667: only then do rewards and penalties apply.</param>
public sealed record RoundResults(double? Alpha, bool Reliable, int PanelSize, IReadOnlyList<SubjectResult> Subjects);
