using Evaluation.Api.Domain;
using Evaluation.Api.Domain.Incidents;
using Platform.MemberDirectory;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Domain.Scoring;
using Evaluation.Api.Features.Frameworks;
using Marten;
using Platform.Idempotency;

namespace Evaluation.Api.Features.Rounds;

/// <summary>
/// The coordinating body opens a round: a participant round for a period, or an activity round for an incident (one per
/// incident, the same one cost-sharing's closing of the response opens; whichever comes first wins, the other is a 409).
/// </summary>
public static class OpenRound
{
    public static async Task<IResult> HandleAsync(RoundRequest request, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var validation = request.Validate(now);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var frameworkId = request.FrameworkId ?? request.Kind!;
        var framework = await FrameworkCatalog.FindAsync(session, frameworkId, request.FrameworkVersion, cancellationToken)
            ?? throw new EvaluationRuleException("Unknown framework", $"No criteria framework '{frameworkId}'{(request.FrameworkVersion is { } v ? $" version {v}" : string.Empty)}.");
        var incident = request.IncidentId is { } incidentId ? await session.LoadAsync<EvaluatedIncident>(incidentId, cancellationToken) : null;
        var cityIds = request.Subjects ?? (request.Kind == EvaluationRound.ActivityKind
            ? incident?.CityIds ?? throw new EvaluationRuleException("Unknown incident", $"Evaluation has not heard of incident {request.IncidentId}; name the 'subjects'.")
            : await session.Query<MemberCity>().Where(m => m.JoinedAt != null).OrderBy(m => m.CityId).Select(m => m.CityId).ToListAsync(cancellationToken));
        var members = (await session.LoadManyAsync<MemberCity>(cancellationToken, cityIds)).Where(m => m.JoinedAt is not null).ToDictionary(m => m.CityId);
        var unknown = cityIds.Where(c => !members.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new EvaluationRuleException("Unknown members", $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a member" : "are not members")} evaluation knows.");
        }

        List<Subject> subjects = [.. cityIds.Select(c => new Subject(c, Subject.City, members[c].Name))];
        if (request.IncludeCoordinatingBody ?? true)
        {
            subjects.Add(new Subject(Subject.CoordinatingBodyId, Subject.CoordinatingBody, "Coordinating body"));
        }

        var round = RoundFactory.Open(request, framework, subjects, incident, now);
        session.Insert(round);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, RoundResponse.From(round), $"{EvaluationModule.RoutePrefix}/rounds/{round.Id}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }
}
