using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Platform.DemoSeeder;

/// <summary>The cost-sharing calls: the agreement, and an incident's way from the report to its allocation.</summary>
internal sealed partial class GatewayApi
{
    private const string CostSharing = "api/cost-sharing";

    /// <summary>The largest page the API serves.</summary>
    private const int PageSize = 200;

    /// <returns>False when the agreement exists already (409 Conflict), which a re-run expects.</returns>
    public async Task<bool> CreateAgreementAsync(DemoAgreement agreement, string accessToken, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, $"{CostSharing}/agreements")
            {
                Content = JsonContent.Create(agreement, options: Json),
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) },
            },
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"agreement '{agreement.Id}'", cancellationToken);
        return true;
    }

    public Task<IncidentView> GetIncidentAsync(Guid incidentId, string accessToken, CancellationToken cancellationToken) =>
        CallAsync<IncidentView>(HttpMethod.Get, $"{CostSharing}/incidents/{incidentId}", accessToken, null, null, $"incident {incidentId}", cancellationToken);

    /// <summary>Confirms the incident, giving its participants the rule inputs an escalated incident arrives without.</summary>
    public Task<IncidentView> ConfirmIncidentAsync(Guid incidentId, IReadOnlyList<DemoRuleInputs> participants, string accessToken, CancellationToken cancellationToken) =>
        CallAsync<IncidentView>(
            HttpMethod.Post, $"{CostSharing}/incidents/{incidentId}/confirm", accessToken, new { participants }, null, $"confirmation of incident {incidentId}", cancellationToken);

    public Task<IncidentView> CloseResponseAsync(Guid incidentId, DateTimeOffset closedAt, string accessToken, CancellationToken cancellationToken) =>
        CallAsync<IncidentView>(
            HttpMethod.Post, $"{CostSharing}/incidents/{incidentId}/close-response", accessToken, new CloseResponseBody(closedAt), null,
            $"closing of incident {incidentId}'s response", cancellationToken);

    public Task<IncidentView> FinalizeCostsAsync(Guid incidentId, string accessToken, CancellationToken cancellationToken) =>
        CallAsync<IncidentView>(HttpMethod.Post, $"{CostSharing}/incidents/{incidentId}/finalize-costs", accessToken, null, null, $"cost finalization of incident {incidentId}", cancellationToken);

    /// <summary>Every claim of the incident (the coordinator sees them all; a city would see only its own).</summary>
    public async Task<IReadOnlyList<ClaimView>> ListClaimsAsync(Guid incidentId, string accessToken, CancellationToken cancellationToken)
    {
        var claims = new List<ClaimView>();
        for (var page = 1; ; page++)
        {
            var batch = await CallAsync<PageView<ClaimView>>(
                HttpMethod.Get, $"{CostSharing}/incidents/{incidentId}/claims?page={page}&pageSize={PageSize}", accessToken, null, null,
                $"claim list of incident {incidentId}", cancellationToken);
            claims.AddRange(batch.Items);
            if (batch.Items.Count == 0 || claims.Count >= batch.Total)
            {
                return claims;
            }
        }
    }

    /// <param name="cityToken">The filing city's own token: the API takes the claiming city from it.</param>
    public Task<ClaimView> FileClaimAsync(Guid incidentId, DemoClaimFiling claim, string cityToken, string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync<ClaimView>(HttpMethod.Post, $"{CostSharing}/incidents/{incidentId}/claims", cityToken, claim, idempotencyKey, $"claim on incident {incidentId}", cancellationToken);

    public Task<ClaimView> DecideClaimAsync(Guid claimId, DemoDecision decision, string accessToken, string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync<ClaimView>(HttpMethod.Post, $"{CostSharing}/claims/{claimId}/decision", accessToken, decision, idempotencyKey, $"decision on claim {claimId}", cancellationToken);

    /// <summary>Finalizes the allocation, which publishes <c>allocation-finalized</c> for the fund to settle.</summary>
    public Task<AllocationView> FinalizeAllocationAsync(Guid incidentId, string accessToken, string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync<AllocationView>(HttpMethod.Post, $"{CostSharing}/incidents/{incidentId}/allocations", accessToken, null, idempotencyKey, $"allocation of incident {incidentId}", cancellationToken);

    public Task<AllocationView> GetAllocationAsync(Guid allocationId, string accessToken, CancellationToken cancellationToken) =>
        CallAsync<AllocationView>(HttpMethod.Get, $"{CostSharing}/allocations/{allocationId}", accessToken, null, null, $"allocation {allocationId}", cancellationToken);
}
