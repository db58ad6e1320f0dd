using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Domain.Scoring;

namespace Evaluation.Api.Features.Rounds;

public sealed record ReliabilityResponse(double? Alpha, bool Reliable, double Threshold, int PanelSize, string Method);

public sealed record InflationResponse(decimal SelfScore, decimal ThirdPartyScore, decimal Gap, decimal Threshold, string Action, decimal? CountedSelfScore);

public sealed record TopsisResultResponse(double Closeness, int Rank);

public sealed record SubjectResultResponse(
    string SubjectId, string Kind, string Name, IReadOnlyList<GroupResult> Groups, decimal? Composite, bool Renormalised, IReadOnlyList<string> MissingGroups,
    string? Grade, int? Rank, TopsisResultResponse? Topsis, bool Inflated, InflationResponse? Inflation, decimal? Reward, decimal? Penalty, decimal? CostInput);

/// <param name="Published">False for the coordinating body's preview of a closed round: nothing is fixed yet.</param>
public sealed record ResultsResponse(
    Guid RoundId, string Kind, Guid? IncidentId, string Period, string Title, bool Published, DateTimeOffset? PublishedAt, string Currency,
    GroupWeights Weights, ReliabilityResponse Reliability, IReadOnlyList<SubjectResultResponse> Subjects, IReadOnlyList<GoodPractice> GoodPractices)
{
    public static ResultsResponse From(EvaluationRound round, RoundResults results, bool published) => new(
        round.Id, round.Kind, round.IncidentId, round.Period, round.Title, published, round.PublishedAt, round.Currency, round.Weights,
        new ReliabilityResponse(results.Alpha, results.Reliable, KrippendorffAlpha.ReliableFrom, results.PanelSize, "krippendorff-alpha-interval"),
        [.. results.Subjects.Select(s => new SubjectResultResponse(
            s.SubjectId, s.Kind, round.SubjectOf(s.SubjectId)?.Name ?? s.SubjectId, s.Groups, s.Composite, s.Renormalised, s.MissingGroups, s.Grade, s.Rank,
            s.TopsisCloseness is { } c ? new TopsisResultResponse(c, s.TopsisRank!.Value) : null,
            s.Inflation is not null,
            s.Inflation is { } f ? new InflationResponse(f.SelfScore, f.ThirdPartyScore, f.Gap, f.Threshold, f.Action.ToString().ToLowerInvariant(), f.CountedSelfScore) : null,
            s.Reward, s.Penalty, s.CostInput))],
        published ? round.GoodPractices : []);
}
