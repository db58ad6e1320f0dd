using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Supervision;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Features.Supervision;

public sealed record FindingRequest(string? CityId, string? Kind, string? Severity, string? Description, string? CommitmentId, DateTimeOffset? FoundAt)
{
    public RequestValidation Validate(DateTimeOffset now) => new RequestValidation()
        .RequireText(CityId, "cityId", 64)
        .Require(Kebab.TryParse<FindingKind>(Kind, out _), "kind", $"'kind' is one of {Kebab.Values<FindingKind>()}.")
        .Require(Kebab.TryParse<FindingSeverity>(Severity, out _), "severity", $"'severity' is one of {Kebab.Values<FindingSeverity>()}.")
        .RequireText(Description, "description", 2000)
        .Require(FoundAt is null || FoundAt <= now, "foundAt", "'foundAt' is not in the future.");
}

/// <summary>
/// Vertical supervision (domain.md §3.4): the coordinating body records a breach it established, with its severity. It
/// counts fully; concealment or a severe breach drops the city to tier D until remedied and the waiting period served.
/// </summary>
public static class RecordFinding
{
    public static async Task<IResult> HandleAsync(
        FindingRequest request, IDocumentSession session, ScoreRecalculation scores, TrustClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var validation = request.Validate(now);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<TrustRecord>(request.CityId!, cancellationToken) is null)
        {
            return Problems.Unprocessable("Unknown city", $"'{request.CityId}' is not a member city.");
        }

        var kind = Kebab.Parse<FindingKind>(request.Kind);
        var severity = Kebab.Parse<FindingSeverity>(request.Severity);
        var finding = new SupervisionFinding
        {
            Id = Guid.CreateVersion7(), CityId = request.CityId!, Kind = kind, Severity = severity, Description = request.Description!.Trim(),
            CommitmentId = request.CommitmentId, FoundBy = "coordinating-body", FoundAt = request.FoundAt?.ToUniversalTime() ?? now, RecordedAt = now,
        };
        session.Store(finding);
        await scores.RecomputeAsync(session, finding.CityId, now, $"{TrustScore.Api.Domain.Scoring.TrustCalculation.Name(kind)} finding", cancellationToken);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, FindingResponse.From(finding), $"{TrustScoreModule.RoutePrefix}/findings/{finding.Id}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }
}
