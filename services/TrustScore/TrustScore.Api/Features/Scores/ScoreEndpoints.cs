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
            .WithSummary("Reads one member city's trust score, tier and their explanation; ?asOf= gives it at any past date.");
        scores.MapGet("/{cityId}/history", ScoreHistory.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<ScoreHistoryPoint>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A city's published score over time with the cause of each change (?from=&to=, paged).");
        scores.MapGet("/{cityId}/explanation", EvidenceExplanation.HandleAsync)
            .RequireAuthorization(TrustScorePolicies.EvidenceReader)
            .Produces<EvidenceExplanationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every item behind a score with weight, fulfilment, decay, source and discount, and the filtered reports (?asOf=; the city itself, coordinator, auditor).");
        return scores;
    }
}
