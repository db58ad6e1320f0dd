using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Agreements;

public static class AgreementEndpoints
{
    public static RouteGroupBuilder MapAgreementEndpoints(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Agreements");
        agreements.MapPost("/", CreateAgreement.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<AgreementResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Records a new agreement; version 1 becomes active (coordinating body).");
        agreements.MapPost("/{agreementId}/versions", PublishAgreementVersion.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<AgreementVersionResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Publishes new terms as the next version, which becomes the active one (coordinating body).");
        agreements.MapGet("/", ReadAgreements.ListAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<AgreementResponse>>()
            .WithSummary("Lists the agreements with their active versions, paged.");
        agreements.MapGet("/{agreementId}", ReadAgreements.GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<AgreementResponse>()
            .WithSummary("Reads an agreement and its active version.");
        agreements.MapGet("/{agreementId}/versions/{version:int}", ReadAgreements.GetVersionAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<AgreementVersionResponse>()
            .WithSummary("Reads one version of an agreement, active or not.");
        return agreements;
    }
}
