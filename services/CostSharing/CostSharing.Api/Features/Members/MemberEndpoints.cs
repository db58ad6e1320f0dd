using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Api.OpenApi;
using Platform.ServiceDefaults.Security;

namespace CostSharing.Api.Features.Members;

public static class MemberEndpoints
{
    public static RouteGroupBuilder MapMemberEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapPost("/", RegisterMember.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<MemberResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Registers a member city (coordinating body).");
        members.MapPut("/{cityId}", UpdateMember.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<MemberResponse>()
            .AcceptsIfMatch()
            .WithSummary("Updates a member city's details; send the current version as If-Match (coordinating body).");
        members.MapGet("/", ListMembers.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<MemberResponse>>()
            .WithSummary("Lists the member cities, paged.");
        members.MapGet("/{cityId}", GetMember.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<MemberResponse>()
            .WithSummary("Reads one member city.");
        return members;
    }
}
