using Marten;
using Platform.ServiceDefaults.Errors;
using TrustScore.Api.Domain;

namespace TrustScore.Api.Features.Scores;

/// <summary>One member's score with its explanation.</summary>
public static class GetScore
{
    public static async Task<IResult> HandleAsync(string cityId, IQuerySession session, CancellationToken cancellationToken)
    {
        var record = await session.LoadAsync<TrustRecord>(cityId, cancellationToken);
        return record is null
            ? Problems.NotFound($"No trust score for city '{cityId}'.")
            : Results.Ok(ScoreResponse.From(record));
    }
}
