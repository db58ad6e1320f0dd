using Platform.ServiceDefaults.Errors;
using CostSharing.Api.Domain.Members;
using Marten;
using Platform.Messaging.Outbox;

namespace CostSharing.Api.Features.Members;

/// <summary>The coordinating body registers a member city; the community learns of it by <c>MemberJoined</c>.</summary>
public static class RegisterMember
{
    public static async Task<IResult> HandleAsync(
        MemberRequest request, IDocumentSession session, EventOutbox outbox, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var details = request.ToDetails();
        if (await session.LoadAsync<MemberCity>(details.CityId, cancellationToken) is not null)
        {
            return Problems.Conflict(
                "Member already registered", $"A member city with id '{details.CityId}' is already registered; update it with PUT instead.");
        }

        var member = MemberCity.Register(details, clock.GetUtcNow());
        session.Insert(member);
        outbox.Enqueue(session, member.CityId, member.ToJoined());
        await session.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = member.ETag();
        return Results.Created($"{CostSharingModule.RoutePrefix}/members/{member.CityId}", MemberResponse.From(member));
    }
}
