namespace TrustScore.Api.Domain.Scoring;

/// <summary>One reporter's combined opinion of a subject: positive and negative evidence from its reports.</summary>
public sealed record ReporterOpinion(string ReporterCityId, double R, double S, int Reports);

/// <summary>A reporter whose view was left out, and why (shown in the explanation).</summary>
public sealed record FilteredOpinion(ReporterOpinion Opinion, double Consensus, double Lower, double Upper, int Round)
{
    public string Reason => FormattableString.Invariant(
        $"The consensus score {Consensus:0.####} of the other reporters lies outside this reporter's {Lower:0.####}–{Upper:0.####} quantile range (round {Round}).");
}

/// <summary>
/// The Whitby–Jøsang iterated filter for unfair ratings (Whitby, Jøsang &amp; Indulska, "Filtering Out Unfair Ratings in
/// Bayesian Reputation Systems", 2004), as domain.md §4.3 asks for horizontal supervision.
/// </summary>
/// <remarks>
/// Implementation note: each round computes the consensus score of all reporters still in, then drops every reporter
/// whose own Beta(r+1, s+1) puts the consensus below its q quantile or above its 1−q quantile (the reporter would find
/// the consensus implausible, so the consensus finds it an outlier); rounds repeat until none is dropped. A lone
/// reporter is never dropped: the consensus is its own expectation, inside its own range. With few reports per reporter
/// the ranges are wide and only clear dissent is filtered, which is the paper's intent: q = 0.01 by default.
/// </remarks>
public static class QuantileFilter
{
    public const double DefaultQuantile = 0.01;

    public static (IReadOnlyList<ReporterOpinion> Kept, IReadOnlyList<FilteredOpinion> Filtered) Apply(IReadOnlyList<ReporterOpinion> opinions, double q)
    {
        if (!(q > 0 && q < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "The filter's quantile is in (0, 0.5).");
        }

        var kept = opinions.ToList();
        var filtered = new List<FilteredOpinion>();
        for (var round = 1; kept.Count > 1; round++)
        {
            var consensus = (kept.Sum(o => o.R) + 1) / (kept.Sum(o => o.R + o.S) + 2);
            var dropped = new List<FilteredOpinion>();
            foreach (var opinion in kept)
            {
                // consensus < q-quantile ⇔ CDF(consensus) < q, and above the (1−q)-quantile ⇔ CDF > 1−q: one CDF per reporter,
                // the quantiles themselves only for the explanation of those dropped.
                var cdf = BetaDistribution.Cdf(consensus, opinion.R + 1, opinion.S + 1);
                if (cdf < q || cdf > 1 - q)
                {
                    var lower = BetaDistribution.Quantile(q, opinion.R + 1, opinion.S + 1);
                    var upper = BetaDistribution.Quantile(1 - q, opinion.R + 1, opinion.S + 1);
                    dropped.Add(new FilteredOpinion(opinion, consensus, lower, upper, round));
                }
            }

            if (dropped.Count == 0 || dropped.Count == kept.Count)
            {
                break;
            }

            filtered.AddRange(dropped);
            kept.RemoveAll(o => dropped.Any(d => d.Opinion == o));
        }

        return (kept, filtered);
    }
}
