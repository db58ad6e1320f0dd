using CostSharing.Api.Domain.Members;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Members;

public static class GetMember
{
    public static async Task<IResult> HandleAsync(string cityId, IQuerySession session, HttpContext http, CancellationToken cancellationToken)
    {
        var member = await session.LoadAsync<MemberCity>(cityId, cancellationToken);
        if (member is null)
        {
            return Problems.NotFound($"No member city '{cityId}'.");
        }

        http.Response.Headers.ETag = member.ETag();
        return Results.Ok(MemberResponse.From(member));
    }
}
