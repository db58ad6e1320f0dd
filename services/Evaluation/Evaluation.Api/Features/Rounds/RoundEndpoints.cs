using Platform.Idempotency;
using Platform.ServiceDefaults.Security;

namespace Evaluation.Api.Features.Rounds;

public static class RoundEndpoints
{
    public static RouteGroupBuilder MapRoundEndpoints(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("Evaluation rounds");
        rounds.MapPost("/", OpenRound.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithIdempotencyKey()
            .Produces<RoundResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Opens an activity round for an incident or a participant round for a period (coordinating body).");
        rounds.MapGet("/", ReadRounds.ListAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Platform.ServiceDefaults.Api.Page<RoundResponse>>()
            .WithSummary("Lists the rounds the caller may see (evaluators: assigned; cities: their own; everyone: published), paged.");
        rounds.MapGet("/{roundId:guid}", ReadRounds.GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<RoundResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads a round: criteria, subjects, group weights, panel, deadline, state.");
        rounds.MapPut("/{roundId:guid}/evaluators", RoundTransitions.AssignEvaluatorsAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<RoundResponse>()
            .WithSummary("Assigns the third-party panel and each evaluator's subjects while the round is open (coordinating body).");
        rounds.MapPost("/{roundId:guid}/close", RoundTransitions.CloseAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<RoundResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Closes an open round: no more assessments or edits (coordinating body).");
        rounds.MapPost("/{roundId:guid}/publish", PublishRound.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithIdempotencyKey()
            .Produces<ResultsResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Publishes a closed round's results once, with good practice; the fund pays rewards and charges penalties (coordinating body).");
        rounds.MapGet("/{roundId:guid}/results", ReadRounds.ResultsAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<ResultsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Published results: composites, ranks, TOPSIS, grades, reliability, inflation flags, rewards, penalties, cost input.");
        api.MapGet("/members/{cityId}/results", ReadCityResults.HandleAsync)
            .WithTags("Evaluation rounds")
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<List<CityResultResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A member city's published results across rounds (published to every member).");
        return rounds;
    }
}
