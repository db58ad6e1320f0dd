using Evaluation.Api.Domain.Scoring;

namespace Evaluation.Api.Domain.Rounds;

/// <summary>
/// A round's results from its rules and score sheets, as one pure function (domain.md §4.4): each assessor's score of
/// a subject is the criteria-weighted sum of its scores; a group's score is the mean of its assessors'; self-inflation is
/// checked against the third-party score; the composite combines the groups; the panel's α decides whether money moves.
/// </summary>
/// <remarks>
/// Implementation note: group scores are published to two decimals and the composite, inflation check and grade are
/// computed from those published values, so every figure in the results can be re-derived by hand from the ones shown.
/// Ranks are competition ranks (equal composites share a rank; the next rank skips), listed by subject id within a tie.
/// </remarks>
public static class RoundCalculation
{
    public static RoundResults Compute(RoundRules rules, IReadOnlyList<ScoreSheet> sheets)
    {
        var bySubject = sheets.ToLookup(s => s.SubjectId, StringComparer.Ordinal);
        var weights = rules.Criteria.ToDictionary(c => c.Id, c => (decimal)c.Weight, StringComparer.Ordinal);
        var panel = rules.Evaluators.Select(e => e.EvaluatorId).Distinct(StringComparer.Ordinal).ToList();
        var alpha = KrippendorffAlpha.Interval(PanelUnits(rules, bySubject, panel));
        var reliable = alpha >= KrippendorffAlpha.ReliableFrom;

        var partial = rules.Subjects.Select(subject =>
        {
            var own = bySubject[subject.Id].ToList();
            var groups = AssessorGroups.All.Select(g => Group(g, own.Where(s => s.Group == g).ToList(), weights)).ToList();
            var thirdParty = groups[0].Score;
            var self = groups[2].Score;
            var inflation = SelfInflation.Check(self, thirdParty, rules.Inflation);
            var counted = inflation is null ? self : inflation.CountedSelfScore;
            var composite = Composite.Combine(
            [
                new(AssessorGroup.ThirdParty, rules.Weights.ThirdParty, thirdParty),
                new(AssessorGroup.Coordinator, rules.Weights.Coordinator, groups[1].Score),
                new(AssessorGroup.Self, subject.IsCity ? rules.Weights.Self : 0m, counted),
            ]);
            return (subject, groups, inflation, composite);
        }).ToList();

        var topsis = TopsisOf(rules, bySubject, partial.Where(p => p.composite is not null).Select(p => p.subject).ToList());
        return new RoundResults(alpha, reliable, panel.Count, partial.Select(p =>
        {
            var money = p.composite is { } c && p.subject.IsCity && reliable ? rules.Incentives.For(c.Grade) : null;
            return new SubjectResult(
                p.subject.Id, p.subject.Kind, p.groups, p.composite?.Score, p.composite?.Renormalised ?? false,
                [.. (p.composite?.MissingGroups ?? []).Select(g => g.Name())], p.composite?.Grade,
                p.composite is { } own ? 1 + partial.Count(o => o.composite?.Score > own.Score) : null,
                topsis.GetValueOrDefault(p.subject.Id)?.Closeness, topsis.GetValueOrDefault(p.subject.Id)?.Rank,
                p.inflation, money is null ? null : money.Reward, money is null ? null : money.Penalty);
        }).OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.SubjectId, StringComparer.Ordinal).ToList());
    }

    private static GroupResult Group(AssessorGroup group, List<ScoreSheet> sheets, Dictionary<string, decimal> weights)
    {
        if (sheets.Count == 0)
        {
            return new GroupResult(group.Name(), null, 0);
        }

        var mean = sheets.Average(s => weights.Sum(w => w.Value * s.Scores.GetValueOrDefault(w.Key)));
        return new GroupResult(group.Name(), Math.Round(mean, Composite.PublishedDecimals, MidpointRounding.AwayFromZero), sheets.Count);
    }

    /// <summary>Units of the reliability data: one per subject and criterion, one value per panel member (null if it gave none).</summary>
    private static IEnumerable<IReadOnlyList<double?>> PanelUnits(RoundRules rules, ILookup<string, ScoreSheet> bySubject, List<string> panel)
    {
        foreach (var subject in rules.Subjects)
        {
            var byEvaluator = bySubject[subject.Id].Where(s => s.Group == AssessorGroup.ThirdParty)
                .ToDictionary(s => s.AssessorId, StringComparer.Ordinal);
            foreach (var criterion in rules.Criteria)
            {
                yield return panel.Select(e => byEvaluator.TryGetValue(e, out var sheet) && sheet.Scores.TryGetValue(criterion.Id, out var v) ? (double?)(double)v : null).ToList();
            }
        }
    }

    /// <summary>TOPSIS over the subjects with a composite: per criterion, the group-weighted mean score (re-normalised over the groups present).</summary>
    private static Dictionary<string, TopsisAlternative> TopsisOf(RoundRules rules, ILookup<string, ScoreSheet> bySubject, List<Subject> subjects)
    {
        if (subjects.Count == 0)
        {
            return [];
        }

        var matrix = subjects.Select(subject => (IReadOnlyList<double>)rules.Criteria.Select(criterion =>
        {
            var present = AssessorGroups.All
                .Select(g => (Weight: (double)rules.Weights.Of(g), Scores: bySubject[subject.Id].Where(s => s.Group == g).Select(s => (double)s.Scores.GetValueOrDefault(criterion.Id)).ToList()))
                .Where(g => g.Weight > 0 && g.Scores.Count > 0)
                .ToList();
            return present.Sum(g => g.Weight * g.Scores.Average()) / present.Sum(g => g.Weight);
        }).ToList()).ToList();
        return Topsis.Rank([.. subjects.Select(s => s.Id)], [.. rules.Criteria.Select(c => c.Weight)], [.. rules.Criteria.Select(_ => true)], matrix)
            .ToDictionary(t => t.Alternative, StringComparer.Ordinal);
    }
}
