using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Scoring;

namespace TrustScore.Api.Features.Commitments;

/// <summary>A commitment with its status, fulfilment and evidence.</summary>
public sealed record CommitmentResponse(
    string Id, string Debtor, IReadOnlyList<string> Creditors, string Kind, double Weight, string VerificationSource, string Description,
    DateTimeOffset OpenedAt, DateTimeOffset DueAt, string Status, double? Fulfilment, decimal? Amount, decimal Paid, bool SevereIfDefaulted,
    DateTimeOffset? RemediedAt, string? Remedy, DateTimeOffset? WithdrawnAt, IReadOnlyList<CommitmentOutcome> Outcomes, IReadOnlyList<EvidenceNote> Evidence)
{
    public static CommitmentResponse From(Commitment c) => new(
        c.Id, c.Debtor, c.Creditors, TrustCalculation.Name(c.Kind), c.Weight, TrustCalculation.Name(c.Source), c.Description, c.OpenedAt, c.DueAt,
        TrustCalculation.Name(c.Status), c.Fulfilment, c.Amount, c.Paid, c.SevereIfDefaulted, c.RemediedAt, c.Remedy, c.WithdrawnAt, c.Outcomes, c.Evidence);
}
