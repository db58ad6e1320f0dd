using Marten;
using Platform.ServiceDefaults.Api;
using TrustScore.Api.Domain;

namespace TrustScore.Api.Features.Scores;

/// <summary>Every member's score and tier: published to the whole alliance, so any role may read them (architecture.md §6).</summary>
public static class ListScores
{
    public static async Task<IResult> HandleAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var total = await session.Query<TrustRecord>().CountAsync(cancellationToken);
        var records = await session.Query<TrustRecord>()
            .OrderBy(t => t.CityId)
            .Skip(request.Skip)
            .Take(request.Size)
            .ToListAsync(cancellationToken);
        return Results.Ok(new Page<ScoreSummary>(records.Select(ScoreSummary.From).ToList(), request.Number, request.Size, total));
    }
}
