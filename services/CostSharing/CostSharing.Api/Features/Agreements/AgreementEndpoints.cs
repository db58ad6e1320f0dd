using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Agreements;

public static class AgreementEndpoints
{
    public static RouteGroupBuilder MapAgreementEndpoints(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Agreements");
        agreements.MapPost("/", CreateAgreement.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithSummary("Records a new agreement; version 1 becomes active (coordinating body).");
        agreements.MapPost("/{agreementId}/versions", PublishAgreementVersion.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithSummary("Publishes new terms as the next version, which becomes the active one (coordinating body).");
        agreements.MapGet("/", ReadAgreements.ListAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .WithSummary("Lists the agreements with their active versions, paged.");
        agreements.MapGet("/{agreementId}", ReadAgreements.GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .WithSummary("Reads an agreement and its active version.");
        agreements.MapGet("/{agreementId}/versions/{version:int}", ReadAgreements.GetVersionAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .WithSummary("Reads one version of an agreement, active or not.");
        return agreements;
    }
}
