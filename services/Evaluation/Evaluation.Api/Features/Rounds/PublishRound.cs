using Evaluation.Api.Domain.Rounds;
using Marten;
using Platform.Contracts.Evaluation;
using Platform.Idempotency;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Rounds;

public sealed record GoodPracticeRequest(string? SubjectId, string? Title, string? Summary);

public sealed record PublishRequest(List<GoodPracticeRequest>? GoodPractices)
{
    public RequestValidation Validate(EvaluationRound round)
    {
        var validation = new RequestValidation();
        var practices = GoodPractices ?? [];
        validation.Require(practices.Count <= 50, "goodPractices", "At most 50 good practices.");
        for (var i = 0; i < practices.Count; i++)
        {
            validation.RequireText(practices[i]?.Title, $"goodPractices[{i}].title")
                .RequireText(practices[i]?.Summary, $"goodPractices[{i}].summary", 4000)
                .Require(practices[i]?.SubjectId is null || round.SubjectOf(practices[i]!.SubjectId) is not null, $"goodPractices[{i}].subjectId", "Not a subject of this round.");
        }

        return validation;
    }
}

/// <summary>
/// Publishes a closed round once: the results are computed from every assessment, fixed in the round (immutable), and
/// announced with <see cref="EvaluationPublished"/> (the fund pays and charges from it) and one
/// <see cref="SelfAssessmentInflated"/> per inflating city (trust-score records it), in the same transaction.
/// </summary>
public static class PublishRound
{
    public static async Task<IResult> HandleAsync(
        Guid roundId, PublishRequest? request, IDocumentSession session, EventOutbox outbox, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var round = await session.LoadAsync<EvaluationRound>(roundId, cancellationToken);
        if (round is null)
        {
            return Problems.NotFound($"No evaluation round {roundId}.");
        }

        request ??= new PublishRequest(null);
        var validation = request.Validate(round);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var sheets = await session.Query<Assessment>().Where(a => a.RoundId == roundId).ToListAsync(cancellationToken);
        var results = CostInputs.WithCostInputs(
            RoundCalculation.Compute(round.Rules(), [.. sheets.Select(a => a.ToSheet())]),
            await CostInputs.ForRoundAsync(session, round, cancellationToken));
        var now = clock.GetUtcNow();
        round.Publish(results, [.. request.GoodPractices?.Select(p => new GoodPractice(p.SubjectId, p.Title!, p.Summary!)) ?? []], now);
        session.Store(round);
        outbox.Enqueue(session, round.Id.ToString(), Published(round, results, now));
        foreach (var subject in results.Subjects.Where(s => s.Inflation is not null && round.SubjectOf(s.SubjectId)!.IsCity))
        {
            var f = subject.Inflation!;
            outbox.Enqueue(session, subject.SubjectId, new SelfAssessmentInflated(
                round.Id, subject.SubjectId, f.SelfScore, f.ThirdPartyScore, f.Gap, f.Threshold, f.Action.ToString().ToLowerInvariant(), now));
        }

        var response = ResultsResponse.From(round, results, published: true);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, response);
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>The cities' results only: the coordinating body is evaluated and published, but is not a member the fund pays.</summary>
    public static EvaluationPublished Published(EvaluationRound round, RoundResults results, DateTimeOffset now) => new(
        round.Id, round.Kind, round.IncidentId, round.Period, results.Reliable, round.Currency,
        [.. results.Subjects.Where(s => s.Composite is not null && round.SubjectOf(s.SubjectId)!.IsCity)
            .Select(s => new CityEvaluationResult(s.SubjectId, s.Composite!.Value, s.Grade!, s.Reward is > 0 ? s.Reward : null, s.Penalty is > 0 ? s.Penalty : null))],
        now);
}
