using System.Security.Claims;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using TrustScore.Api.Domain.Supervision;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Features.Supervision;

public sealed record AppealRequest(string? EvidenceKind, string? EvidenceId, string? Grounds)
{
    public RequestValidation Validate() => new RequestValidation()
        .Require(Kebab.TryParse<EvidenceKind>(EvidenceKind, out _), "evidenceKind", $"'evidenceKind' is one of {Kebab.Values<EvidenceKind>()}.")
        .RequireText(EvidenceId, "evidenceId", 200)
        .RequireText(Grounds, "grounds", 4000);
}

public sealed record AppealDecisionRequest(bool? Upheld, string? Reason)
{
    public RequestValidation Validate() => new RequestValidation()
        .Require(Upheld is not null, "upheld", "'upheld' is required: true withdraws the evidence, false dismisses the appeal.")
        .RequireText(Reason, "reason", 4000);
}

/// <summary>
/// Appeals (domain.md §4.3: members may appeal a finding): the subject city contests evidence against it, the
/// coordinating body decides; upheld, the evidence is withdrawn and the score recomputed without it.
/// </summary>
public static class Appeals
{
    public static async Task<IResult> FileAsync(
        AppealRequest request, ClaimsPrincipal user, IDocumentSession session, TrustClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var kind = Kebab.Parse<EvidenceKind>(request.EvidenceKind);
        var city = user.CityId()!;
        var evidence = await AppealedEvidence.LoadAsync(session, kind, request.EvidenceId!, cancellationToken);
        if (evidence is null || evidence.CityId != city)
        {
            return Problems.NotFound($"No {request.EvidenceKind} '{request.EvidenceId}' about {city}.");
        }

        if (evidence.Withdrawn)
        {
            return Problems.Unprocessable("Already withdrawn", $"The {request.EvidenceKind} '{request.EvidenceId}' no longer counts.");
        }

        if (await session.Query<Appeal>().AnyAsync(a => a.CityId == city && a.EvidenceId == request.EvidenceId && a.Status == AppealStatus.Pending, cancellationToken))
        {
            return Problems.Unprocessable("Appeal pending", $"An appeal against '{request.EvidenceId}' is already awaiting decision.");
        }

        var appeal = new Appeal
        {
            Id = Guid.CreateVersion7(), CityId = city, EvidenceKind = kind, EvidenceId = request.EvidenceId!, Grounds = request.Grounds!.Trim(),
            FiledAt = clock.Now, Status = AppealStatus.Pending,
        };
        session.Store(appeal);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, AppealResponse.From(appeal), $"{TrustScoreModule.RoutePrefix}/appeals/{appeal.Id}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }

    public static async Task<IResult> GetAsync(Guid appealId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var appeal = await session.LoadAsync<Appeal>(appealId, cancellationToken);
        return appeal is null || !user.MayReadCity(appeal.CityId) ? Problems.NotFound($"No appeal {appealId}.") : Results.Ok(AppealResponse.From(appeal));
    }

    public static async Task<IResult> DecideAsync(
        Guid appealId, AppealDecisionRequest request, IDocumentSession session, ScoreRecalculation scores, TrustClock clock, CancellationToken cancellationToken)
    {
        var appeal = await session.LoadAsync<Appeal>(appealId, cancellationToken);
        if (appeal is null)
        {
            return Problems.NotFound($"No appeal {appealId}.");
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (appeal.Status != AppealStatus.Pending)
        {
            return Problems.Unprocessable("Appeal already decided", $"Appeal {appealId} was already {appeal.Status.ToString().ToLowerInvariant()}.");
        }

        var now = clock.Now;
        appeal.Decide(request.Upheld!.Value, request.Reason!.Trim(), now);
        session.Store(appeal);
        if (appeal.Status == AppealStatus.Upheld)
        {
            await AppealedEvidence.WithdrawAsync(session, appeal, now, cancellationToken);
            await scores.RecomputeAsync(session, appeal.CityId, now, "appeal upheld", cancellationToken);
        }

        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(AppealResponse.From(appeal));
    }
}
