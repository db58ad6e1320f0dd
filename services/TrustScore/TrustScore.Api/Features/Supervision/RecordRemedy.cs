using Marten;
using Platform.ServiceDefaults.Errors;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Features.Supervision;

public sealed record RemedyRequest(string? EvidenceKind, string? EvidenceId, string? Description, DateTimeOffset? RemediedAt)
{
    public RequestValidation Validate(DateTimeOffset now) => new RequestValidation()
        .Require(Kebab.TryParse<EvidenceKind>(EvidenceKind, out var kind) && kind != Domain.Supervision.EvidenceKind.PeerReport, "evidenceKind", "'evidenceKind' is finding or commitment.")
        .RequireText(EvidenceId, "evidenceId", 200)
        .RequireText(Description, "description", 4000)
        .Require(RemediedAt is null || RemediedAt <= now, "remediedAt", "'remediedAt' is not in the future.");
}

/// <summary>
/// Credit repair (信用修复, domain.md §4.3): the coordinating body records a documented remedy of a finding or a
/// defaulted commitment; the direct tier D it caused lifts once the waiting period has passed (the sweeper applies it).
/// The evidence itself stays and fades with time.
/// </summary>
public static class RecordRemedy
{
    public static async Task<IResult> HandleAsync(
        RemedyRequest request, IDocumentSession session, ScoreRecalculation scores, TrustClock clock, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var validation = request.Validate(now);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var kind = Kebab.Parse<EvidenceKind>(request.EvidenceKind);
        var evidence = await AppealedEvidence.LoadAsync(session, kind, request.EvidenceId!, cancellationToken);
        if (evidence is null)
        {
            return Problems.NotFound($"No {request.EvidenceKind} '{request.EvidenceId}'.");
        }

        var at = request.RemediedAt?.ToUniversalTime() ?? now;
        switch (evidence.Document)
        {
            case Commitment { Status: not CommitmentStatus.Defaulted and not CommitmentStatus.FulfilledLate }:
                return Problems.Unprocessable("Nothing to remedy", $"Commitment '{request.EvidenceId}' has not defaulted.");
            case Commitment commitment:
                commitment.RecordRemedy(at, request.Description!.Trim());
                session.Store(commitment);
                break;
            case SupervisionFinding finding:
                (finding.RemediedAt, finding.Remedy) = (finding.RemediedAt ?? at, finding.Remedy ?? request.Description!.Trim());
                session.Store(finding);
                break;
        }

        var assessment = await scores.RecomputeAsync(session, evidence.CityId, now, "remedy recorded", cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(new { evidence.CityId, request.EvidenceKind, request.EvidenceId, RemediedAt = at, assessment.SevereDefaults });
    }
}
