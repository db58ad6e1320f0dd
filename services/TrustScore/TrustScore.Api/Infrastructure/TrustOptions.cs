using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Infrastructure;

/// <summary>
/// The <c>Trust</c> configuration section: the mechanism's parameters (<see cref="TrustPolicy"/>) and how often the
/// sweeper runs. Either <see cref="HalfLifeDays"/> or <see cref="ForgettingPerDay"/> (λ per day) sets the forgetting.
/// </summary>
public sealed class TrustOptions
{
    public double? HalfLifeDays { get; set; }

    public double? ForgettingPerDay { get; set; }

    public TimeSpan GracePeriod { get; set; } = TrustPolicy.Default.GracePeriod;

    public TimeSpan RepairWaitingPeriod { get; set; } = TrustPolicy.Default.RepairWaitingPeriod;

    public double FilterQuantile { get; set; } = TrustPolicy.Default.FilterQuantile;

    /// <summary>How often overdue commitments are defaulted and repairs that served their wait are applied.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often every score and the reporters' weights (EigenTrust) are recomputed from scratch.</summary>
    public TimeSpan FullRecomputeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Runs the service's clock ahead of the machine's (drills and end-to-end tests of defaults and repairs, which
    /// otherwise take weeks). Zero in production.
    /// </summary>
    public TimeSpan ClockOffset { get; set; } = TimeSpan.Zero;

    public int PeerReportsPerSubject { get; set; } = PeerReportLimit.Default.PerSubject;

    public TimeSpan PeerReportWindow { get; set; } = PeerReportLimit.Default.Window;

    public int PeerReportsPerDay { get; set; } = PeerReportLimit.Default.PerDay;

    public TrustPolicy Policy() => TrustPolicy.Default with
    {
        Forgetting = ForgettingPerDay is { } lambda ? Forgetting.FromLambda(lambda)
            : HalfLifeDays is { } halfLife ? Forgetting.FromHalfLife(halfLife)
            : Forgetting.Default,
        GracePeriod = GracePeriod,
        RepairWaitingPeriod = RepairWaitingPeriod,
        FilterQuantile = FilterQuantile,
    };

    public PeerReportLimit ReportLimit() => new(PeerReportsPerSubject, PeerReportWindow, PeerReportsPerDay);
}
