using System.Security.Claims;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Scoring;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Features.Scores;

/// <summary>
/// The full explanation of a score at a date (domain.md §4.3): every contributing item with its weight, fulfilment,
/// decay, source and discount; the filtered reports and why; r, s, E, u and the thresholds. Evidence, so only for the
/// subject city, the coordinating body and the auditor; who reported is shown only to the latter two.
/// </summary>
public sealed record EvidenceExplanationResponse(
    string CityId, DateTimeOffset AsOf, double R, double S, double Score, int Display, double Uncertainty, string Tier, bool SevereDefault,
    TierThresholds Thresholds, double MinimumEvidence, double HalfLifeDays, double ForgettingPerDay, double PeerNetComplaint,
    IReadOnlyList<ContributingItem> Items, IReadOnlyList<FilteredReport> FilteredReports, IReadOnlyList<SevereDefault> SevereDefaults, string Note);

public static class EvidenceExplanation
{
    public static async Task<IResult> HandleAsync(
        string cityId, DateTimeOffset? asOf, ClaimsPrincipal user, IQuerySession session, TrustPolicy policy, TrustClock clock, CancellationToken cancellationToken)
    {
        if (!user.MayReadCity(cityId) || await session.LoadAsync<TrustRecord>(cityId, cancellationToken) is null)
        {
            return Problems.NotFound($"No trust score for city '{cityId}'.");
        }

        var evidence = await EvidenceStore.LoadAsync(session, cityId, cancellationToken);
        var a = TrustCalculation.Assess(evidence, asOf?.ToUniversalTime() ?? clock.Now, policy);
        var reporters = EvidenceAccess.MaySeeReporters(user);
        var items = a.Items.Select(i => reporters ? i : i with { Reporter = null }).ToList();
        var filtered = a.FilteredReports.Select(f => reporters ? f : f with { Reporter = "(withheld)" }).ToList();
        return Results.Ok(new EvidenceExplanationResponse(
            cityId, a.AsOf, BetaReputation.Published(a.R), BetaReputation.Published(a.S), BetaReputation.Published(a.Score), a.Display,
            BetaReputation.Published(a.Uncertainty), a.Tier.ToString(), a.SevereDefault,
            new TierThresholds(BetaReputation.TierA, BetaReputation.TierB, BetaReputation.TierC), BetaReputation.MinimumEvidence,
            policy.Forgetting.HalfLifeDays, policy.Forgetting.LambdaPerDay, BetaReputation.Published(a.PeerNetNegative), items, filtered, a.SevereDefaults,
            "r and s sum the verified items (weight × discount × decay × f, and × (1−f)); peer reports add to s only their net complaint. "
            + "E = (r+1)/(r+s+2), u = 2/(r+s+2); tier M below the minimum evidence r+s; a severe default in force is tier D."));
    }
}

/// <summary>Who may see what of the evidence ("Access").</summary>
public static class EvidenceAccess
{
    /// <summary>The identity of a peer reporter is for the coordinating body and the auditor only.</summary>
    public static bool MaySeeReporters(ClaimsPrincipal user) => user.Role() is PlatformRoles.Coordinator or PlatformRoles.Auditor;
}
