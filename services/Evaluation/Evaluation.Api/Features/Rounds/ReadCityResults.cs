using Platform.MemberDirectory;
using Evaluation.Api.Domain.Rounds;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Rounds;

/// <summary>One city's line in a published round: what the alliance publishes to every member (architecture.md §6).</summary>
public sealed record CityResultResponse(
    Guid RoundId, string Kind, Guid? IncidentId, string Period, string Title, DateTimeOffset PublishedAt, bool Reliable,
    decimal? Composite, string? Grade, int? Rank, bool Inflated, decimal? Reward, decimal? Penalty, decimal? CostInput);

/// <summary>A member city's published results across rounds, newest first; drafts and unpublished rounds never appear.</summary>
public static class ReadCityResults
{
    public static async Task<IResult> HandleAsync(string cityId, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<MemberCity>(cityId, cancellationToken) is not { JoinedAt: not null })
        {
            return Problems.NotFound($"No member city '{cityId}'.");
        }

        var published = await session.Query<EvaluationRound>().Where(r => r.Status == RoundStatus.Published)
            .OrderByDescending(r => r.PublishedAt).ToListAsync(cancellationToken);
        var lines = published
            .Select(r => (Round: r, Result: r.Results?.Subjects.FirstOrDefault(s => s.SubjectId == cityId)))
            .Where(x => x.Result is not null)
            .Select(x => new CityResultResponse(
                x.Round.Id, x.Round.Kind, x.Round.IncidentId, x.Round.Period, x.Round.Title, x.Round.PublishedAt!.Value, x.Round.Results!.Reliable,
                x.Result!.Composite, x.Result.Grade, x.Result.Rank, x.Result.Inflation is not null, x.Result.Reward, x.Result.Penalty, x.Result.CostInput))
            .ToList();
        return Results.Ok(lines);
    }
}
