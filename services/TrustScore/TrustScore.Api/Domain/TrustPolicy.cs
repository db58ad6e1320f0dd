using TrustScore.Api.Domain.Commitments;

namespace TrustScore.Api.Domain;

/// <summary>
/// The parameters of the trust mechanism (domain.md §4.3) in one place, set from configuration (<c>Trust:*</c>):
/// forgetting, grace before a default, waiting before repair, the filter's quantile, weights and source discounts.
/// </summary>
public sealed record TrustPolicy
{
    public Forgetting Forgetting { get; init; } = Forgetting.Default;

    /// <summary>How long past its due date an open commitment waits before it defaults.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long after a documented remedy a severe default stops forcing tier D (信用修复).</summary>
    public TimeSpan RepairWaitingPeriod { get; init; } = TimeSpan.FromDays(90);

    public double FilterQuantile { get; init; } = Scoring.QuantileFilter.DefaultQuantile;

    public double Damping { get; init; } = Scoring.GlobalTrust.DefaultDamping;

    public static TrustPolicy Default { get; } = new();

    /// <summary>
    /// Weight of each kind of commitment. Money settled after an incident weighs most: it is what "breaking faith must
    /// cost more than keeping it" is first about (domain.md §3.4); reporting and contributions next.
    /// </summary>
    public static double WeightOf(CommitmentKind kind) => kind switch
    {
        CommitmentKind.Settlement => 3,
        CommitmentKind.Contribution => 2,
        CommitmentKind.OriginReport => 2,
        CommitmentKind.Evaluation => 2,
        CommitmentKind.InformationSharing => 1,
        _ => 1,
    };

    /// <summary>A warning's acknowledgement weighs by its level: a missed red warning matters four times a blue one.</summary>
    public static double WeightOfWarning(string level) => level.ToLowerInvariant() switch
    {
        "red" => 2,
        "orange" => 1.5,
        "yellow" => 1,
        _ => 0.5,
    };

    /// <summary>
    /// How much evidence of each source counts: verified by a third party or jointly, fully; by the counterparty alone,
    /// three quarters; self-declared, half (the discount shown in the explanation).
    /// </summary>
    public static double DiscountOf(VerificationSource source) => source switch
    {
        VerificationSource.ThirdParty or VerificationSource.Joint => 1,
        VerificationSource.Counterparty => 0.75,
        _ => 0.5,
    };
}
