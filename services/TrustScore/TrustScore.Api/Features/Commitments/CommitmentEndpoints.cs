using Platform.Idempotency;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace TrustScore.Api.Features.Commitments;

public static class CommitmentEndpoints
{
    public static RouteGroupBuilder MapCommitmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/cities/{cityId}/commitments", ReadCommitments.ListForCityAsync)
            .WithTags("Commitments")
            .RequireAuthorization(TrustScorePolicies.EvidenceReader)
            .Produces<Page<CommitmentResponse>>()
            .WithSummary("A city's commitments with status, fulfilment and evidence (?status=, paged; the city itself, coordinator, auditor).");
        api.MapGet("/commitments/{commitmentId}", ReadCommitments.GetAsync)
            .WithTags("Commitments")
            .RequireAuthorization(TrustScorePolicies.EvidenceReader)
            .Produces<CommitmentResponse>()
            .WithSummary("One commitment and its evidence (its debtor, coordinator, auditor).");
        api.MapPost("/pledges", Pledges.RecordAsync)
            .WithTags("Commitments")
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithIdempotencyKey()
            .Produces<CommitmentResponse>(StatusCodes.Status201Created)
            .WithSummary("Records a city's pledge (resources, a response time) with its due date and weight (coordinating body).");
        api.MapPost("/pledges/{pledgeId:guid}/confirmation", Pledges.ConfirmAsync)
            .WithTags("Commitments")
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<CommitmentResponse>()
            .WithSummary("Confirms how far a pledge was kept, 0 to 1, and when (coordinating body).");
        return api;
    }
}
