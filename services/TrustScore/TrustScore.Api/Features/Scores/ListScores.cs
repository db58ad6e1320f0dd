using Marten;
using Platform.Persistence;
using Platform.ServiceDefaults.Api;
using TrustScore.Api.Domain;

namespace TrustScore.Api.Features.Scores;

/// <summary>Every member's score and tier: published to the whole alliance, so any role may read them (architecture.md §6).</summary>
public static class ListScores
{
    public static async Task<IResult> HandleAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var records = await session.Query<TrustRecord>()
            .ToPageAsync(q => q.OrderBy(t => t.CityId), PageRequest.From(page, pageSize), ScoreSummary.From, cancellationToken);
        return Results.Ok(records);
    }
}
