using Marten;
using Platform.ServiceDefaults.Errors;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Scoring;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Features.Scores;

/// <summary>One member's score with its explanation, now or at any past date (<c>?asOf=</c>, recomputed from the evidence on record then).</summary>
public static class GetScore
{
    public static async Task<IResult> HandleAsync(
        string cityId, DateTimeOffset? asOf, IQuerySession session, TrustPolicy policy, TrustClock clock, CancellationToken cancellationToken)
    {
        var record = await session.LoadAsync<TrustRecord>(cityId, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound($"No trust score for city '{cityId}'.");
        }

        if (asOf is null)
        {
            return Results.Ok(ScoreResponse.From(record, clock.Now));
        }

        var evidence = await EvidenceStore.LoadAsync(session, cityId, cancellationToken);
        return Results.Ok(ScoreResponse.From(record, TrustCalculation.Assess(evidence, asOf.Value.ToUniversalTime(), policy)));
    }
}
