namespace TrustScore.Api.Domain;

/// <summary>One settled commitment fed to the step-wise recursion: its weight and fulfilment fraction.</summary>
public readonly record struct Outcome(double Weight, double Fulfilment);

public static partial class BetaReputation
{
    /// <summary>
    /// The recursion of domain.md §4.3 over outcomes, oldest first: <c>r ← λ·r + w·f</c>, <c>s ← λ·s + w·(1−f)</c>.
    /// The calculator answers with it; the service's time-based decay is the same recursion with λ per day
    /// (<see cref="Forgetting"/>).
    /// </summary>
    public static (double R, double S) Accumulate(double lambda, IEnumerable<Outcome> outcomes)
    {
        if (!double.IsFinite(lambda) || lambda < 0 || lambda > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The forgetting factor λ is in [0, 1].");
        }

        double r = 0, s = 0;
        foreach (var (weight, fulfilment) in outcomes)
        {
            RequireEvidence(weight, nameof(weight));
            if (!double.IsFinite(fulfilment) || fulfilment < 0 || fulfilment > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(outcomes), fulfilment, "A fulfilment fraction is in [0, 1].");
            }

            r = (lambda * r) + (weight * fulfilment);
            s = (lambda * s) + (weight * (1 - fulfilment));
        }

        return (r, s);
    }
}
