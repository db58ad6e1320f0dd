using Evaluation.Api.Domain.Rounds;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Rounds;

public sealed record EvaluatorsRequest(List<EvaluatorRequest>? Evaluators);

/// <summary>The coordinating body assigns the third-party panel and closes the round to further assessments.</summary>
public static class RoundTransitions
{
    public static async Task<IResult> AssignEvaluatorsAsync(Guid roundId, EvaluatorsRequest request, IDocumentSession session, CancellationToken cancellationToken)
    {
        var round = await session.LoadAsync<EvaluationRound>(roundId, cancellationToken);
        if (round is null)
        {
            return Problems.NotFound($"No evaluation round {roundId}.");
        }

        var validation = RoundRequest.ValidateEvaluators(new RequestValidation(), request.Evaluators ?? [])
            .Require(request.Evaluators is not null, "evaluators", "'evaluators' lists the panel (it may be empty).");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var subjects = round.Subjects.Select(s => s.Id).ToList();
        var panel = request.Evaluators!.Select(e => new EvaluatorAssignment(e.EvaluatorId!, e.Subjects ?? subjects)).ToList();
        var strangers = panel.SelectMany(e => e.Subjects).Where(s => !subjects.Contains(s)).Distinct().ToList();
        if (strangers.Count > 0)
        {
            return Problems.Unprocessable("Not a subject", $"Evaluators are assigned to {string.Join(", ", strangers)}, which the round does not evaluate.");
        }

        round.AssignEvaluators(panel);
        session.Store(round);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(RoundResponse.From(round));
    }

    public static async Task<IResult> CloseAsync(Guid roundId, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var round = await session.LoadAsync<EvaluationRound>(roundId, cancellationToken);
        if (round is null)
        {
            return Problems.NotFound($"No evaluation round {roundId}.");
        }

        round.Close(clock.GetUtcNow());
        session.Store(round);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(RoundResponse.From(round));
    }
}
