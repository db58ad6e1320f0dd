using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Persistence;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Platform.MemberDirectory;

/// <summary><c>GET /members</c> and <c>GET /members/{cityId}</c>: the member cities the service knows, for any role.</summary>
public static class MemberDirectoryEndpoints
{
    /// <param name="api">The service's route group.</param>
    /// <param name="service">The service's name as the summaries say it ("evaluation", "communication").</param>
    public static RouteGroupBuilder MapMemberDirectory(this RouteGroupBuilder api, string service)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("/", ListAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<MemberResponse>>()
            .WithName("listMembers")
            .WithSummary($"Lists the member cities {service} knows, paged.");
        members.MapGet("/{cityId}", GetAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<MemberResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getMember")
            .WithSummary($"Reads one member city as {service} knows it.");
        return members;
    }

    private static async Task<IResult> ListAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var members = await session.Query<MemberCity>()
            .ToPageAsync(q => q.OrderBy(m => m.CityId), PageRequest.From(page, pageSize), MemberResponse.From, cancellationToken);
        return Results.Ok(members);
    }

    private static async Task<IResult> GetAsync(string cityId, IQuerySession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadAsync<MemberCity>(cityId, cancellationToken);
        return member is null
            ? Problems.NotFound($"No member city '{cityId}'.")
            : Results.Ok(MemberResponse.From(member));
    }
}
