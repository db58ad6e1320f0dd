using System.Text.Json;

namespace Platform.DemoSeeder;

/// <summary>
/// The escalated incident from confirmation to its allocation, as the coordinating body and the cities would take it. Each
/// transition runs only from the state before it, so a run stopped part-way is taken on from where the incident stands.
/// </summary>
internal sealed partial class DemoStory
{
    public async Task IncidentAsync(CancellationToken cancellationToken)
    {
        var coordinator = await Sessions.CoordinatorAsync(cancellationToken);
        var demo = region.Incident;
        var incident = await gateway.GetIncidentAsync(State.IncidentId, coordinator, cancellationToken);
        if (incident.Status == IncidentStatuses.Reported)
        {
            incident = await gateway.ConfirmIncidentAsync(incident.Id, demo.RuleInputs, coordinator, cancellationToken);
            Step($"incident confirmed with the rule inputs: {string.Join(", ", demo.RuleInputs.Select(r => r.ContributionWeight is { } w ? $"{r.CityId} weight {w}" : $"{r.CityId} {r.PopulationExposed:N0} exposed"))}"
                + string.Concat(incident.Reporting.Select(r => $"; {r.CityId} reported {(r.ReportedAt - incident.OccurredAt).TotalHours:0.#} h after" + (r.Late ? " (late)" : string.Empty))));
        }

        if (incident.Status is IncidentStatuses.Confirmed or IncidentStatuses.ResponseClosed)
        {
            await MutualAidAsync(cancellationToken);
        }

        if (incident.Status == IncidentStatuses.Confirmed)
        {
            incident = await gateway.CloseResponseAsync(incident.Id, clock.GetUtcNow(), coordinator, cancellationToken);
            Step($"response closed; claims due by {incident.ClaimDeadline:yyyy-MM-dd HH:mm} UTC");
        }

        if (incident.Status == IncidentStatuses.ResponseClosed)
        {
            await ClaimsAsync(incident, coordinator, cancellationToken);
            incident = await gateway.FinalizeCostsAsync(incident.Id, coordinator, cancellationToken);
            Step("costs finalized");
        }

        var allocation = incident.Status == IncidentStatuses.CostsFinalized
            ? await gateway.FinalizeAllocationAsync(incident.Id, coordinator, Key(demo.Key, incident.Id.ToString("N"), "allocation"), cancellationToken)
            : await gateway.GetAllocationAsync(
                incident.CurrentAllocationId ?? throw new GatewayRefusedException($"Incident {incident.Id} is {incident.Status} but names no allocation in force."),
                coordinator, cancellationToken);
        State.AllocationId = allocation.Id;
        Step($"allocation {allocation.Id}: net eligible cost {Yuan.Format(allocation.NetEligibleCost)} by {allocation.Rule}; net positions "
            + string.Join(", ", allocation.Lines.Select(l => $"{l.CityId} {Yuan.Signed(l.NetPosition)} (fair share {Yuan.Format(l.FairShare)}, spent {Yuan.Format(l.ApprovedSpend)})")));
    }

    /// <summary>Every city files first (the aid's provider for the aid), then the coordinating body decides: the order a real case takes.</summary>
    private async Task ClaimsAsync(IncidentView incident, string coordinator, CancellationToken cancellationToken)
    {
        var aid = region.Communication.Aid;
        var existing = await gateway.ListClaimsAsync(incident.Id, coordinator, cancellationToken);
        var claims = new List<(DemoDecision Decision, ClaimView Claim)>();
        foreach (var demo in region.Incident.Claims.Append(new DemoClaim(aid.ProviderCityId, aid.Claim with { AidId = State.AidId }, new DemoDecision("approve", null, null))))
        {
            // The newest, should a city have filed again after a rejection.
            var claim = existing.LastOrDefault(c => c.CityId == demo.CityId);
            if (claim is null)
            {
                var city = await Sessions.CityAsync(demo.CityId, cancellationToken);
                var key = Key(region.Incident.Key, incident.Id.ToString("N"), "claim", demo.CityId);

                // An aid claim waits until cost-sharing has learnt the accepted aid (422 until then).
                claim = demo.Filing.AidId is null
                    ? await gateway.FileClaimAsync(incident.Id, demo.Filing, city, key, cancellationToken)
                    : (await Waiting.UntilAsync(
                        () => gateway.PostUnlessAsync(System.Net.HttpStatusCode.UnprocessableEntity, $"api/cost-sharing/incidents/{incident.Id}/claims", city, demo.Filing, null, cancellationToken),
                        "cost-sharing to learn the accepted aid", cancellationToken)).Deserialize<ClaimView>(JsonSerializerOptions.Web)!;
                Step($"claim of {claim.CityId}{(demo.Filing.AidId is null ? string.Empty : " for its aid")}: {Yuan.Format(claim.ClaimedAmount)} claimed");
            }

            claims.Add((demo.Decision, claim));
        }

        foreach (var (decision, claim) in claims.Where(c => c.Claim.Status == "submitted"))
        {
            var decided = await gateway.DecideClaimAsync(claim.Id, decision, coordinator, Key(region.Incident.Key, incident.Id.ToString("N"), "decision", claim.CityId), cancellationToken);
            Step($"claim of {decided.CityId}: {decided.Status} {Yuan.Format(decided.ApprovedAmount ?? 0m)} of {Yuan.Format(decided.ClaimedAmount)}, net approved spend {Yuan.Format(decided.NetApprovedSpend)}");
        }
    }

    /// <summary>The requester asks for pumps under the incident, the provider offers them, the requester accepts (binding) and the provider sends them and takes them back.</summary>
    private async Task MutualAidAsync(CancellationToken cancellationToken)
    {
        var aid = region.Communication.Aid;
        var requester = await Sessions.CityAsync(aid.RequesterCityId, cancellationToken);
        var provider = await Sessions.CityAsync(aid.ProviderCityId, cancellationToken);
        var request = (await gateway.GetAsync("api/communication/aid-requests?pageSize=200", requester, cancellationToken)).GetProperty("items").EnumerateArray()
            .FirstOrDefault(r => r.GetProperty("incidentId").GetGuid() == State.IncidentId && r.GetProperty("requesterCityId").GetString() == aid.RequesterCityId);
        if (request.ValueKind != JsonValueKind.Object)
        {
            request = await gateway.PostAsync("api/communication/aid-requests", requester, new { incidentId = State.IncidentId, aid.Items, aid.Note }, null, cancellationToken);
        }

        var path = $"api/communication/aid-requests/{request.GetProperty("id").GetGuid()}";
        var offer = request.GetProperty("offers").EnumerateArray().FirstOrDefault(o => o.GetProperty("providerCityId").GetString() == aid.ProviderCityId);
        if (offer.ValueKind != JsonValueKind.Object)
        {
            offer = await gateway.PostAsync($"{path}/offers", provider, new { aid.Items, aid.EstimatedCost, currency = "CNY" }, null, cancellationToken);
        }

        var offerPath = $"{path}/offers/{offer.GetProperty("id").GetGuid()}";
        if (offer.GetProperty("aidId").ValueKind == JsonValueKind.Null)
        {
            offer = await gateway.PostAsync($"{offerPath}/acceptance", requester, null, null, cancellationToken);
            await gateway.PostAsync($"{offerPath}/dispatch", provider, new { at = clock.GetUtcNow() }, null, cancellationToken);
            await gateway.PostAsync($"{offerPath}/return", provider, new { at = clock.GetUtcNow() }, null, cancellationToken);
        }

        State.AidId = offer.GetProperty("aidId").GetGuid();
        Step($"mutual aid {State.AidId}: {aid.ProviderCityId} lends {string.Join(", ", aid.Items.Select(i => $"{i.Quantity} {i.Resource}"))} to {aid.RequesterCityId}, about {Yuan.Format(aid.EstimatedCost)}; accepted");
    }
}
