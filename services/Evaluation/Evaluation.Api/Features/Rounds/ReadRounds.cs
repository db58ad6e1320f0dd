using System.Security.Claims;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Features.Shared;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Rounds;

/// <summary>
/// Rounds and their results as each caller may see them: evaluators the rounds they are assigned to, cities the rounds
/// they are subjects of, everyone a published round; results only once published (the coordinating body and auditors
/// may preview a closed round's).
/// </summary>
public static class ReadRounds
{
    public static async Task<IResult> ListAsync(IQuerySession session, ClaimsPrincipal user, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var request = PageRequest.From(page, pageSize);
        // Rounds are few (one per incident or period), so visibility is decided in memory on the ordered list.
        var visible = (await session.Query<EvaluationRound>().OrderByDescending(r => r.OpenedAt).ToListAsync(cancellationToken))
            .Where(caller.MaySee)
            .Where(r => status is null || EvaluationRound.StatusName(r.Status) == status)
            .ToList();
        var items = visible.Skip(request.Skip).Take(request.Size).Select(r => RoundResponse.From(r, EvaluatorOf(caller))).ToList();
        return Results.Ok(new Page<RoundResponse>(items, request.Number, request.Size, visible.Count));
    }

    public static async Task<IResult> GetAsync(Guid roundId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var round = await session.LoadAsync<EvaluationRound>(roundId, cancellationToken);
        return round is not null && caller.MaySee(round)
            ? Results.Ok(RoundResponse.From(round, EvaluatorOf(caller)))
            : Problems.NotFound($"No evaluation round {roundId}.");
    }

    public static async Task<IResult> ResultsAsync(Guid roundId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var round = await session.LoadAsync<EvaluationRound>(roundId, cancellationToken);
        if (round is null || !caller.MaySee(round))
        {
            return Problems.NotFound($"No evaluation round {roundId}.");
        }

        if (round.Results is { } published)
        {
            return Results.Ok(ResultsResponse.From(round, published, published: true));
        }

        if (round.Status != RoundStatus.Closed || caller.Role is not (Platform.ServiceDefaults.Security.PlatformRoles.Coordinator or Platform.ServiceDefaults.Security.PlatformRoles.Auditor))
        {
            return Problems.NotFound($"Round {roundId} has no published results yet.");
        }

        var sheets = await session.Query<Assessment>().Where(a => a.RoundId == roundId).ToListAsync(cancellationToken);
        var preview = CostInputs.WithCostInputs(
            RoundCalculation.Compute(round.Rules(), [.. sheets.Select(a => a.ToSheet())]), await CostInputs.ForRoundAsync(session, round, cancellationToken));
        return Results.Ok(ResultsResponse.From(round, preview, published: false));
    }

    private static string? EvaluatorOf(Caller caller) => caller.Group == Domain.Scoring.AssessorGroup.ThirdParty ? caller.AssessorId ?? string.Empty : null;
}
