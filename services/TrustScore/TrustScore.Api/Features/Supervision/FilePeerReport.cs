using System.Security.Claims;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Features.Supervision;

/// <summary>A report on another member: how far it kept a commitment (1 kept, 0 broken), optionally which one.</summary>
public sealed record PeerReportRequest(string? SubjectCityId, string? CommitmentId, double? Fulfilment, string? Comment)
{
    public RequestValidation Validate() => new RequestValidation()
        .RequireText(SubjectCityId, "subjectCityId", 64)
        .Require(Fulfilment is { } f && double.IsFinite(f) && f is >= 0 and <= 1, "fulfilment", "'fulfilment' is from 0 (broken) to 1 (kept).")
        .RequireText(Comment, "comment", 2000);
}

/// <summary>
/// Horizontal supervision (domain.md §3.4): a member city reports on another. Never about oneself (422), only about a
/// member, and rate-limited (429 with Retry-After). Its weight is decided when scoring: the reporter's trust discounts
/// it and the quantile filter drops it when far from the consensus.
/// </summary>
public static class FilePeerReport
{
    public static async Task<IResult> HandleAsync(
        PeerReportRequest request, ClaimsPrincipal user, IDocumentSession session, ScoreRecalculation scores, TrustClock clock, PeerReportLimit limit,
        HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var reporter = user.CityId()!;
        if (string.Equals(reporter, request.SubjectCityId, StringComparison.Ordinal))
        {
            return Problems.Unprocessable("Report about oneself", "A city cannot report on its own commitments; horizontal supervision is of other members.");
        }

        if (await session.LoadAsync<TrustRecord>(request.SubjectCityId!, cancellationToken) is null)
        {
            return Problems.Unprocessable("Unknown city", $"'{request.SubjectCityId}' is not a member city.");
        }

        if (request.CommitmentId is { } commitmentId
            && (await session.LoadAsync<Commitment>(commitmentId, cancellationToken))?.Debtor != request.SubjectCityId)
        {
            return Problems.Unprocessable("Unknown commitment", $"'{request.SubjectCityId}' has no commitment '{commitmentId}'.");
        }

        var now = clock.Now;
        var recent = await session.Query<PeerReport>().Where(p => p.ReporterCityId == reporter && p.FiledAt > now.AddDays(-31)).ToListAsync(cancellationToken);
        if (limit.RetryAfter([.. recent], request.SubjectCityId!, now) is { } retryAt)
        {
            return Problems.TooManyRequests(http, "Report limit reached",
                $"At most {limit.PerSubject} reports on one city per {limit.Window.TotalDays:0} days and {limit.PerDay} a day; file again after {retryAt:O}.", retryAt, now);
        }

        var report = PeerReport.File(Guid.CreateVersion7(), reporter, request.SubjectCityId!, request.CommitmentId, request.Fulfilment!.Value, request.Comment!.Trim(), now);
        session.Store(report);
        await scores.RecomputeAsync(session, report.SubjectCityId, now, "peer report", cancellationToken);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, PeerReportResponse.From(report, showReporter: true), $"{TrustScoreModule.RoutePrefix}/peer-reports/{report.Id}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }
}
