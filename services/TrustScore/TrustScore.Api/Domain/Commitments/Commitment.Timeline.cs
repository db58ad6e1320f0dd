namespace TrustScore.Api.Domain.Commitments;

public sealed partial class Commitment
{
    /// <summary>The outcome on record at <paramref name="asOf"/>: null while open, unknown then, or withdrawn by then.</summary>
    public CommitmentOutcome? OutcomeAt(DateTimeOffset asOf)
    {
        if (WithdrawnAt is { } withdrawn && withdrawn <= asOf)
        {
            return null;
        }

        var outcome = Outcomes.LastOrDefault(o => o.At <= asOf);
        return outcome is { Status: CommitmentStatus.Open } ? null : outcome;
    }

    /// <summary>
    /// A severe default holds at <paramref name="asOf"/> when this commitment (severe if defaulted) had defaulted by then,
    /// is not withdrawn, and no remedy has served its waiting period (domain.md §4.3: a documented remedy restores
    /// eligibility after a waiting period).
    /// </summary>
    public bool SevereDefaultAt(DateTimeOffset asOf, TimeSpan repairWaitingPeriod)
    {
        if (!SevereIfDefaulted || (WithdrawnAt is { } withdrawn && withdrawn <= asOf))
        {
            return false;
        }

        var defaulted = Outcomes.FirstOrDefault(o => o.Status == CommitmentStatus.Defaulted && o.At <= asOf);
        if (defaulted is null)
        {
            return false;
        }

        return RemediedAt is not { } remedied || remedied + repairWaitingPeriod > asOf;
    }
}
