namespace TrustScore.Api.Domain.Supervision;

/// <summary>What an appeal contests: a finding, a peer report or a commitment's outcome.</summary>
public enum EvidenceKind
{
    Finding,
    PeerReport,
    Commitment,
}

public enum AppealStatus
{
    Pending,
    Upheld,
    Dismissed,
}

/// <summary>
/// A member contests evidence against it (domain.md §4.3: members may appeal a finding); the coordinating body decides.
/// An upheld appeal withdraws the evidence, so the score is as if it had never been recorded from then on.
/// </summary>
public sealed class Appeal
{
    public Guid Id { get; set; }

    public string CityId { get; set; } = string.Empty;

    public EvidenceKind EvidenceKind { get; set; }

    public string EvidenceId { get; set; } = string.Empty;

    public string Grounds { get; set; } = string.Empty;

    public DateTimeOffset FiledAt { get; set; }

    public AppealStatus Status { get; set; }

    public string? Decision { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public void Decide(bool upheld, string reason, DateTimeOffset at)
    {
        if (Status != AppealStatus.Pending)
        {
            throw new SupervisionRuleException("Appeal already decided", $"Appeal {Id} was already {Status.ToString().ToLowerInvariant()}.");
        }

        (Status, Decision, DecidedAt) = (upheld ? AppealStatus.Upheld : AppealStatus.Dismissed, reason, at);
    }
}
