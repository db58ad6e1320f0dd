namespace Evaluation.Api.Domain.Scoring;

/// <summary>What a round does with an inflated self-assessment: cap it at third party + threshold, or drop it.</summary>
public enum InflationAction
{
    Cap,
    Drop,
}

/// <summary>The round's self-inflation rule: the largest tolerated gap (points on 100) and the action beyond it.</summary>
public sealed record InflationPolicy(decimal Threshold, InflationAction Action)
{
    public static InflationPolicy Default { get; } = new(10m, InflationAction.Cap);
}

/// <summary>An inflated self-assessment: the self score as given, the panel's, the gap, and the self score that counts.</summary>
public sealed record InflationFinding(decimal SelfScore, decimal ThirdPartyScore, decimal Gap, decimal Threshold, InflationAction Action, decimal? CountedSelfScore);

/// <summary>
/// Self-assessment inflation (domain.md §4.4): a city that rates itself more than the threshold above what the
/// third-party panel found has its self score capped at panel + threshold, or dropped (the group then counts as
/// missing and the composite re-normalises). The gap is measured on the subject's weighted scores, so one criterion
/// cannot trip the rule alone unless it moves the whole; a self score below the panel's is never touched.
/// </summary>
public static class SelfInflation
{
    /// <returns>Null when the self score is within the threshold or there is nothing to compare.</returns>
    public static InflationFinding? Check(decimal? selfScore, decimal? thirdPartyScore, InflationPolicy policy)
    {
        if (selfScore is not { } self || thirdPartyScore is not { } panel)
        {
            return null;
        }

        var gap = self - panel;
        if (gap <= policy.Threshold)
        {
            return null;
        }

        var counted = policy.Action == InflationAction.Cap ? panel + policy.Threshold : (decimal?)null;
        return new InflationFinding(self, panel, gap, policy.Threshold, policy.Action, counted);
    }
}
