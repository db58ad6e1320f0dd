using Marten;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Features.Supervision;

/// <summary>The piece of evidence an appeal or a remedy names, whichever kind it is.</summary>
public sealed record AppealedEvidence(string CityId, bool Withdrawn, object Document)
{
    public static async Task<AppealedEvidence?> LoadAsync(IQuerySession session, EvidenceKind kind, string id, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case EvidenceKind.Commitment:
                var commitment = await session.LoadAsync<Commitment>(id, cancellationToken);
                return commitment is null ? null : new(commitment.Debtor, commitment.WithdrawnAt is not null, commitment);
            case EvidenceKind.Finding when Guid.TryParse(id, out var findingId):
                var finding = await session.LoadAsync<SupervisionFinding>(findingId, cancellationToken);
                return finding is null ? null : new(finding.CityId, finding.WithdrawnAt is not null, finding);
            case EvidenceKind.PeerReport when Guid.TryParse(id, out var reportId):
                var report = await session.LoadAsync<PeerReport>(reportId, cancellationToken);
                return report is null ? null : new(report.SubjectCityId, report.StruckAt is not null, report);
            default:
                return null;
        }
    }

    /// <summary>An upheld appeal withdraws the evidence from the decision on: it counts nowhere after it.</summary>
    public static async Task WithdrawAsync(IDocumentSession session, Appeal appeal, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var because = $"appeal {appeal.Id} upheld: {appeal.Decision}";
        switch ((await LoadAsync(session, appeal.EvidenceKind, appeal.EvidenceId, cancellationToken))?.Document)
        {
            case Commitment commitment:
                commitment.Withdraw(at, because);
                session.Store(commitment);
                break;
            case SupervisionFinding finding:
                (finding.WithdrawnAt, finding.WithdrawnBecause) = (finding.WithdrawnAt ?? at, because);
                session.Store(finding);
                break;
            case PeerReport report:
                (report.StruckAt, report.StruckBecause) = (report.StruckAt ?? at, because);
                session.Store(report);
                break;
        }
    }
}
