using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Members;

public static class MemberEndpoints
{
    public static RouteGroupBuilder MapMemberEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("/", ListMembers.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<MemberResponse>>()
            .WithSummary("Lists the member cities communication knows, paged.");
        members.MapGet("/{cityId}", GetMember.HandleAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<MemberResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads one member city as communication knows it.");
        return members;
    }
}
