using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;
using TrustScore.Api.Domain;

namespace TrustScore.Api.Features.Scores;

/// <summary>One change of a city's published trust, and what caused it.</summary>
public sealed record ScoreHistoryPoint(DateTimeOffset At, double R, double S, double Score, double Uncertainty, string Tier, bool SevereDefault, string Cause)
{
    public static ScoreHistoryPoint From(ScoreHistoryEntry h) => new(
        h.At, BetaReputation.Published(h.R), BetaReputation.Published(h.S), BetaReputation.Published(h.Score), BetaReputation.Published(h.Uncertainty),
        h.Tier.ToString(), h.SevereDefault, h.Cause);
}

/// <summary>A city's score over time, oldest first, as published (scores are public within the alliance).</summary>
public static class ScoreHistory
{
    public static async Task<IResult> HandleAsync(
        string cityId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<TrustRecord>(cityId, cancellationToken) is null)
        {
            return Problems.NotFound($"No trust score for city '{cityId}'.");
        }

        var request = PageRequest.From(page, pageSize);
        var start = from ?? DateTimeOffset.MinValue;
        var end = to ?? DateTimeOffset.MaxValue;
        var query = session.Query<ScoreHistoryEntry>().Where(h => h.CityId == cityId && h.At >= start && h.At <= end);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderBy(h => h.At).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<ScoreHistoryPoint>([.. entries.Select(ScoreHistoryPoint.From)], request.Number, request.Size, total));
    }
}
