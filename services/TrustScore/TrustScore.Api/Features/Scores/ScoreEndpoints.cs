using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace TrustScore.Api.Features.Scores;

public static class ScoreEndpoints
{
    public static RouteGroupBuilder MapScoreEndpoints(this RouteGroupBuilder api)
    {
        var scores = api.MapGroup("/scores").WithTags("Scores");
        scores.MapGet("/", ListScores.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<ScoreSummary>>()
            .WithSummary("Lists the member cities' trust scores and tiers, paged.");
        scores.MapGet("/{cityId}", GetScore.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<ScoreResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads one member city's trust score, tier and their explanation.");
        return scores;
    }
}
