namespace Platform.DemoSeeder;

/// <summary>The agreement, exactly as <c>POST /api/cost-sharing/agreements</c> takes it.</summary>
internal sealed record DemoAgreement(
    string Id,
    string Name,
    string? Currency,
    IReadOnlyList<string> Members,
    IReadOnlyDictionary<string, DemoRule> Rules,
    int ClaimDeadlineDays,
    DemoSettlement Settlement,
    IReadOnlyList<DemoResponsibility> Responsibilities,
    string? Note);

internal sealed record DemoRule(string Rule, decimal? OriginShare, string? Key, string? Cap);

internal sealed record DemoSettlement(int DueDays, string ClearingAccount);

internal sealed record DemoResponsibility(string CityId, IReadOnlyList<DemoDuty> Duties);

internal sealed record DemoDuty(string? Category, string Description, int? ReportWithinHours, IReadOnlyList<string> Resources);

/// <summary>
/// One incident and its whole case, from the report to the allocation. Times are in days before the seeding
/// run rather than dates, so the case is recent whenever it is loaded and its claims are inside the deadline.
/// </summary>
/// <param name="Key">Stable and ASCII, unlike the title: the seeder's idempotency keys are built from it.</param>
/// <param name="Title">How a re-run recognises the incident (the API has no client-chosen incident id).</param>
internal sealed record DemoIncident(
    string Key,
    string AgreementId,
    string Category,
    string Scenario,
    string Title,
    string? Description,
    int OccurredDaysAgo,
    int ResponseClosedDaysAgo,
    IReadOnlyList<DemoParticipant> Participants,
    IReadOnlyList<DemoClaim> Claims)
{
    /// <summary>Whole minutes, so the times read well in the API's answers.</summary>
    public DateTimeOffset OccurredAt(DateTimeOffset now) =>
        new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), now.Offset).AddDays(-OccurredDaysAgo);

    /// <summary>Counted from the occurrence, not from now, so a resumed run closes the response where the first run would have.</summary>
    public DateTimeOffset ResponseClosedAt(DateTimeOffset occurredAt) => occurredAt.AddDays(OccurredDaysAgo - ResponseClosedDaysAgo);
}

/// <summary>A participating city with the inputs the agreement's rule needs; an origin city's report time relative to the occurrence.</summary>
internal sealed record DemoParticipant(string CityId, string Side, decimal? ContributionWeight, long? PopulationExposed, int? ReportedHoursAfterOccurrence);

/// <summary>
/// A city's claim: filed with the city's own token (filing is the city's act, not the coordinator's), then
/// decided by the coordinating body.
/// </summary>
internal sealed record DemoClaim(string CityId, DemoClient Client, DemoClaimFiling Filing, DemoDecision Decision);

/// <summary>The claim, exactly as <c>POST /api/cost-sharing/incidents/{id}/claims</c> takes it (yuan, at most two decimals).</summary>
internal sealed record DemoClaimFiling(IReadOnlyList<DemoClaimLine> Lines, decimal Insurance, decimal Subsidies, string? Note);

internal sealed record DemoClaimLine(string Category, decimal Amount, string Description, string? EvidenceRef);

/// <summary>The decision, exactly as <c>POST /api/cost-sharing/claims/{id}/decision</c> takes it.</summary>
internal sealed record DemoDecision(string Outcome, decimal? ApprovedAmount, string? Reason);
