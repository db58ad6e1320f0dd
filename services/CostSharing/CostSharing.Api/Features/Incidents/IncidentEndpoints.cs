using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Incidents;

public static class IncidentEndpoints
{
    public static RouteGroupBuilder MapIncidentEndpoints(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapPost("/", OpenIncident.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<IncidentResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Opens an incident under the agreement's active version (coordinating body).");
        incidents.MapGet("/", ReadIncidents.ListAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<IncidentResponse>>()
            .WithSummary("Lists incidents, newest first; a city sees those it takes part in.");
        incidents.MapGet("/{incidentId:guid}", ReadIncidents.GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<IncidentResponse>()
            .WithSummary("Reads an incident; a city only one it takes part in.");
        incidents.MapPost("/{incidentId:guid}/confirm", IncidentTransitions.ConfirmAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<IncidentResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Confirms a reported incident, optionally giving participants the rule inputs they lack (coordinating body).");
        incidents.MapPost("/{incidentId:guid}/close-response", IncidentTransitions.CloseResponseAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<IncidentResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Records that the joint response closed; the claim deadline runs from then (coordinating body).");
        incidents.MapPost("/{incidentId:guid}/finalize-costs", IncidentTransitions.FinalizeCostsAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<IncidentResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Closes the claims once all are decided and the deadline passed or every city filed (coordinating body).");
        incidents.MapPost("/{incidentId:guid}/settle", IncidentTransitions.SettleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<IncidentResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Records that the allocation in force is settled (coordinating body).");
        return incidents;
    }
}
