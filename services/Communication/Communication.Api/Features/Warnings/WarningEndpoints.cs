using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Warnings;

public static class WarningEndpoints
{
    public static RouteGroupBuilder MapWarningEndpoints(this RouteGroupBuilder api)
    {
        var warnings = api.MapGroup("/warnings").WithTags("Warnings");
        warnings.MapPost("/", IssueWarning.HandleAsync)
            .RequireAuthorization(CommunicationPolicies.City)
            .Accepts<WarningRequest>("application/json", "application/cap+xml", "application/xml")
            .Produces<WarningResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Issues, updates or cancels a warning as the calling city: JSON or CAP 1.2 XML (validated against the CAP 1.2 schema).");
        warnings.MapGet("/", ListWarnings.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<WarningResponse>>()
            .WithSummary("Lists the warnings the caller may see (a city: its own and those that reach it), newest first.");
        warnings.MapGet("/{id:guid}", GetWarning.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<WarningResponse>()
            .Produces<string>(StatusCodes.Status200OK, "application/cap+xml", "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads one warning as JSON, or as CAP 1.2 XML with Accept: application/cap+xml.");
        warnings.MapPost("/{id:guid}/acknowledgements", AcknowledgeWarning.HandleAsync)
            .RequireAuthorization(CommunicationPolicies.City)
            .Produces<AcknowledgementResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The calling city acknowledges a warning that reached it (on time or late by its level's deadline).");
        warnings.MapGet("/{id:guid}/acknowledgements", ListAcknowledgements.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<List<AcknowledgementResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Each reached city's acknowledgement duty for a warning.");
        warnings.MapPost("/{id:guid}/escalation", EscalateWarning.HandleAsync)
            .RequireAuthorization(CommunicationPolicies.CityOrCoordinator)
            .Produces<WarningResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Escalates a warning into a reported incident in cost-sharing (the sender or the coordinating body).");
        return warnings;
    }
}
