namespace TrustScore.Api.Domain.Supervision;

/// <summary>
/// Horizontal supervision (domain.md §3.4): one member city's report on how another kept a commitment, as a fulfilment
/// fraction (1 kept, 0 broken). Never about oneself. Its weight in the subject's score is discounted by the reporter's
/// own trust and it is filtered when far from the consensus (<see cref="Scoring.QuantileFilter"/>).
/// </summary>
public sealed class PeerReport
{
    public Guid Id { get; set; }

    public string ReporterCityId { get; set; } = string.Empty;

    public string SubjectCityId { get; set; } = string.Empty;

    public string? CommitmentId { get; set; }

    public double Fulfilment { get; set; }

    public string Comment { get; set; } = string.Empty;

    public DateTimeOffset FiledAt { get; set; }

    public DateTimeOffset? StruckAt { get; set; }

    public string? StruckBecause { get; set; }

    public bool InForceAt(DateTimeOffset asOf) => FiledAt <= asOf && !(StruckAt is { } struck && struck <= asOf);

    public static PeerReport File(Guid id, string reporter, string subject, string? commitmentId, double fulfilment, string comment, DateTimeOffset at)
    {
        if (string.Equals(reporter, subject, StringComparison.Ordinal))
        {
            throw new SupervisionRuleException("Report about oneself", "A city cannot report on its own commitments; horizontal supervision is of other members.");
        }

        if (!double.IsFinite(fulfilment) || fulfilment < 0 || fulfilment > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fulfilment), fulfilment, "A fulfilment fraction is in [0, 1].");
        }

        return new PeerReport
        {
            Id = id, ReporterCityId = reporter, SubjectCityId = subject, CommitmentId = commitmentId, Fulfilment = fulfilment, Comment = comment, FiledAt = at,
        };
    }
}

/// <summary>A supervision rule was broken (a report about oneself, an appeal already decided): a 422 for the caller.</summary>
public sealed class SupervisionRuleException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}
