namespace Platform.DemoSeeder;

/// <summary>
/// Takes one demo incident from the report to a finalized allocation, as the coordinating body and the cities
/// would: the coordinator opens, confirms and closes it, each city files its own claim with its own token, the
/// coordinator decides the claims, finalizes the costs and then the allocation, which the fund settles.
/// </summary>
/// <remarks>
/// Idempotent: an incident that is found (by title) and already allocated is left alone. One found part-way
/// (a run stopped by a failing service) is taken on from where it stands rather than left half-done or
/// opened twice: each step runs only from the state before it, claims already filed are not filed again,
/// and filings, decisions and the allocation carry Idempotency-Keys derived from the demo data.
/// </remarks>
internal sealed class IncidentSeeder(GatewayApi gateway, TextWriter log, TimeProvider clock)
{
    private readonly Dictionary<string, string> cityTokens = new(StringComparer.Ordinal);

    public async Task SeedAsync(DemoIncident demo, string coordinatorToken, CancellationToken cancellationToken)
    {
        var incident = await gateway.FindIncidentAsync(demo.Title, coordinatorToken, cancellationToken);
        if (incident is null)
        {
            incident = await gateway.OpenIncidentAsync(OpenIncidentBody.From(demo, demo.OccurredAt(clock.GetUtcNow())), coordinatorToken, cancellationToken);
            Step(demo, $"opened ({incident.Id}), occurred {incident.OccurredAt:yyyy-MM-dd HH:mm} UTC{Reporting(incident)}");
        }
        else if (incident.Status is not (IncidentStatuses.Allocated or IncidentStatuses.Settled))
        {
            Step(demo, $"found {incident.Status} ({incident.Id}); taking it on from there");
        }

        if (incident.Status == IncidentStatuses.Reported)
        {
            incident = await gateway.ConfirmIncidentAsync(incident.Id, coordinatorToken, cancellationToken);
            Step(demo, "confirmed");
        }

        if (incident.Status == IncidentStatuses.Confirmed)
        {
            incident = await gateway.CloseResponseAsync(incident.Id, demo.ResponseClosedAt(incident.OccurredAt), coordinatorToken, cancellationToken);
            Step(demo, $"response closed; claims due by {incident.ClaimDeadline:yyyy-MM-dd HH:mm} UTC");
        }

        if (incident.Status == IncidentStatuses.ResponseClosed)
        {
            await ClaimsAsync(demo, incident, coordinatorToken, cancellationToken);
            incident = await gateway.FinalizeCostsAsync(incident.Id, coordinatorToken, cancellationToken);
            Step(demo, "costs finalized");
        }

        if (incident.Status == IncidentStatuses.CostsFinalized)
        {
            var allocation = await gateway.FinalizeAllocationAsync(incident.Id, coordinatorToken, Key(demo, incident, "allocation"), cancellationToken);
            Allocated(demo, allocation, "allocated");
            return;
        }

        if (incident.CurrentAllocationId is not { } allocationId)
        {
            throw new GatewayRefusedException($"Incident {incident.Id} is {incident.Status} but names no allocation in force.");
        }

        Allocated(demo, await gateway.GetAllocationAsync(allocationId, coordinatorToken, cancellationToken), $"already {incident.Status}");
    }

    /// <summary>Every city files first, then the coordinating body decides: the order a real case takes.</summary>
    private async Task ClaimsAsync(DemoIncident demo, IncidentView incident, string coordinatorToken, CancellationToken cancellationToken)
    {
        var existing = await gateway.ListClaimsAsync(incident.Id, coordinatorToken, cancellationToken);
        var claims = new List<(DemoClaim Demo, ClaimView Claim)>();
        foreach (var demoClaim in demo.Claims)
        {
            // The newest, should a city have filed again after a rejection.
            var claim = existing.LastOrDefault(c => c.CityId == demoClaim.CityId);
            if (claim is null)
            {
                var cityToken = await CityTokenAsync(demoClaim.Client, cancellationToken);
                claim = await gateway.FileClaimAsync(incident.Id, demoClaim.Filing, cityToken, Key(demo, incident, $"claim:{demoClaim.CityId}"), cancellationToken);
                if (claim.CityId != demoClaim.CityId)
                {
                    throw new InvalidDataException(
                        $"The claim listed for {demoClaim.CityId} was filed as {claim.CityId}: client '{demoClaim.Client.ClientId}' is not that city's.");
                }

                var deductions = demoClaim.Filing.Insurance + demoClaim.Filing.Subsidies;
                log.WriteLine($"  claim {claim.CityId}: filed by '{demoClaim.Client.ClientId}', {Yuan.Format(claim.ClaimedAmount)} claimed"
                    + (deductions > 0 ? $", {Yuan.Format(deductions)} insurance and subsidies" : string.Empty));
            }
            else
            {
                log.WriteLine($"  claim {claim.CityId}: already filed ({claim.Status})");
            }

            claims.Add((demoClaim, claim));
        }

        foreach (var (demoClaim, claim) in claims.Where(c => c.Claim.Status == "submitted"))
        {
            var decided = await gateway.DecideClaimAsync(claim.Id, demoClaim.Decision, coordinatorToken, Key(demo, incident, $"decision:{claim.CityId}"), cancellationToken);
            var approved = decided.ApprovedAmount is { } amount && amount != decided.ClaimedAmount
                ? $"{Yuan.Format(amount)} of {Yuan.Format(decided.ClaimedAmount)}"
                : Yuan.Format(decided.ApprovedAmount ?? 0m);
            log.WriteLine($"  claim {decided.CityId}: {decided.Status} {approved}, net approved spend {Yuan.Format(decided.NetApprovedSpend)}");
        }
    }

    private async Task<string> CityTokenAsync(DemoClient client, CancellationToken cancellationToken)
    {
        if (!cityTokens.TryGetValue(client.ClientId, out var token))
        {
            token = await gateway.GetAccessTokenAsync(client, cancellationToken);
            cityTokens[client.ClientId] = token;
        }

        return token;
    }

    private void Allocated(DemoIncident demo, AllocationView allocation, string outcome)
    {
        // In the demo's participant order (origin first), not the API's.
        var lines = demo.Participants
            .Select(p => allocation.Lines.FirstOrDefault(l => l.CityId == p.CityId))
            .OfType<AllocationLineView>()
            .Concat(allocation.Lines.Where(l => demo.Participants.All(p => p.CityId != l.CityId)))
            .ToList();
        Step(demo, $"{outcome}, net positions: {string.Join(", ", lines.Select(l => $"{l.CityId} {Yuan.Signed(l.NetPosition)}"))}");
        log.WriteLine($"    net eligible cost {Yuan.Format(allocation.NetEligibleCost)} by {allocation.Rule}; fair shares: "
            + string.Join(", ", lines.Select(l => $"{l.CityId} {Yuan.Format(l.FairShare)} (spent {Yuan.Format(l.ApprovedSpend)})")));
        if (allocation.Instructions.Count > 0)
        {
            var instructions = allocation.Instructions.OrderBy(i => lines.FindIndex(l => l.CityId == i.CityId));
            log.WriteLine($"    settlement through the clearing account by {allocation.Instructions.Max(i => i.DueDate):yyyy-MM-dd}: "
                + string.Join(", ", instructions.Select(i => $"{i.CityId} {i.Direction} {Yuan.Format(i.Amount)}")));
        }
    }

    private static string Reporting(IncidentView incident) => string.Concat(incident.Reporting.Select(r =>
        $"; {r.CityId} reported {(r.ReportedAt - incident.OccurredAt).TotalHours:0.#} h after"
        + (r.ReportWithinHours is { } hours ? $" (duty: {hours} h{(r.Late ? ", late" : string.Empty)})" : string.Empty)));

    /// <summary>
    /// From the demo data and the incident: the same step of the same case always sends the same key. The
    /// incident id is part of it because the API hashes the path too, so a key reused on another incident
    /// would be refused rather than replayed.
    /// </summary>
    private static string Key(DemoIncident demo, IncidentView incident, string step) => $"demo-seeder:{demo.Key}:{incident.Id:N}:{step}";

    private void Step(DemoIncident demo, string outcome) => log.WriteLine($"  incident {demo.Title}: {outcome}");
}
