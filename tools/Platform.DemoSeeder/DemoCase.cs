namespace Platform.DemoSeeder;

/// <summary>The agreement, exactly as <c>POST /api/cost-sharing/agreements</c> takes it.</summary>
internal sealed record DemoAgreement(
    string Id,
    string Name,
    string? Currency,
    IReadOnlyList<string> Members,
    IReadOnlyDictionary<string, DemoRule> Rules,
    int ClaimDeadlineDays,
    DemoSettlementTerms Settlement,
    IReadOnlyList<DemoResponsibility> Responsibilities,
    string? Note);

internal sealed record DemoRule(string Rule, decimal? OriginShare, string? Key, string? Cap);

internal sealed record DemoSettlementTerms(int DueDays, string ClearingAccount);

internal sealed record DemoResponsibility(string CityId, IReadOnlyList<DemoDuty> Duties);

internal sealed record DemoDuty(string? Category, string Description, int? ReportWithinHours, IReadOnlyList<string> Resources);

/// <summary>
/// The incident the escalated warning opened, from confirmation to its allocation: the rule inputs the coordinating body
/// gives its participants when confirming it (an escalation names the cities, not the figures), and each city's claim.
/// </summary>
/// <param name="Key">Stable and ASCII: the seeder's idempotency keys are built from it.</param>
internal sealed record DemoIncident(string Key, string Title, IReadOnlyList<DemoRuleInputs> RuleInputs, IReadOnlyList<DemoClaim> Claims);

/// <summary>One participant's rule inputs, as <c>POST /api/cost-sharing/incidents/{id}/confirm</c> takes them.</summary>
internal sealed record DemoRuleInputs(string CityId, decimal? ContributionWeight, long? PopulationExposed);

/// <summary>A city's claim: filed with the city's own token (filing is the city's act), then decided by the coordinating body.</summary>
internal sealed record DemoClaim(string CityId, DemoClaimFiling Filing, DemoDecision Decision);

/// <summary>The claim, exactly as <c>POST /api/cost-sharing/incidents/{id}/claims</c> takes it (yuan, at most two decimals).</summary>
internal sealed record DemoClaimFiling(IReadOnlyList<DemoClaimLine> Lines, decimal Insurance, decimal Subsidies, string? Note, Guid? AidId = null);

internal sealed record DemoClaimLine(string Category, decimal Amount, string Description, string? EvidenceRef);

/// <summary>The decision, exactly as <c>POST /api/cost-sharing/claims/{id}/decision</c> takes it.</summary>
internal sealed record DemoDecision(string Outcome, decimal? ApprovedAmount, string? Reason);
