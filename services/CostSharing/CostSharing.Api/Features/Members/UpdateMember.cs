using CostSharing.Api.Domain.Members;
using Marten;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Members;

/// <summary>
/// The coordinating body updates a member's details. An <c>If-Match</c> with a stale version is refused
/// (409), so two coordinators cannot silently overwrite each other.
/// </summary>
public static class UpdateMember
{
    public static async Task<IResult> HandleAsync(
        string cityId, MemberRequest request, IDocumentSession session, EventOutbox outbox, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (request.CityId is not null && request.CityId != cityId)
        {
            return Problems.BadRequest("cityId", "'cityId' in the body must match the one in the path, or be left out.");
        }

        var validation = (request with { CityId = cityId }).Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var member = await session.LoadAsync<MemberCity>(cityId, cancellationToken);
        if (member is null)
        {
            return Problems.NotFound($"No member city '{cityId}'.");
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != member.ETag())
        {
            return Problems.Conflict(
                "Version conflict", $"The member is at version {member.ETag()}, not {ifMatch}; read it again and reapply your change.");
        }

        member.Apply((request with { CityId = cityId }).ToDetails(), clock.GetUtcNow());
        session.Store(member);
        outbox.Enqueue(session, member.CityId, member.ToUpdated());
        await session.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = member.ETag();
        return Results.Ok(MemberResponse.From(member));
    }
}
