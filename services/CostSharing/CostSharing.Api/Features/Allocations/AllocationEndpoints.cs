using Platform.Idempotency;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Allocations;

public static class AllocationEndpoints
{
    public static RouteGroupBuilder MapAllocationEndpoints(this RouteGroupBuilder api)
    {
        var incident = api.MapGroup("/incidents/{incidentId:guid}").WithTags("Allocations");
        incident.MapGet("/allocation-preview", PreviewAllocation.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<AllocationPreviewResponse>()
            .WithSummary("Dry run of the incident's allocation from the claims decided so far, with its explanation.");
        incident.MapPost("/allocations", FinalizeAllocation.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<AllocationResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey()
            .WithSummary("Finalizes the allocation once the costs are final; immutable, refused if already finalized (coordinating body).");
        incident.MapPost("/allocations/corrections", CorrectAllocation.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<AllocationResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey()
            .WithSummary("Supersedes the allocation in force with one from the current claims; publishes only the differences (coordinating body).");
        incident.MapGet("/allocations", ReadAllocations.ListForIncidentAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<List<AllocationResponse>>()
            .WithSummary("Lists the incident's allocations, newest first, marking the one in force.");

        var allocations = api.MapGroup("/allocations").WithTags("Allocations");
        allocations.MapGet("/{allocationId:guid}", ReadAllocations.GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<AllocationResponse>()
            .WithSummary("Reads an allocation with its shares, net positions, instructions and explanation.");
        allocations.MapPost("/calculate", CalculateAllocation.Handle)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<AllocationPreviewResponse>().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Calculator: allocates a given cost by a given rule and inputs; nothing is stored.");
        return allocations;
    }
}
