using CostSharing.Api.Domain.Members;
using Marten;
using Platform.Persistence;
using Platform.ServiceDefaults.Api;

namespace CostSharing.Api.Features.Members;

public static class ListMembers
{
    public static async Task<IResult> HandleAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var members = await session.Query<MemberCity>()
            .ToPageAsync(q => q.OrderBy(m => m.CityId), PageRequest.From(page, pageSize), MemberResponse.From, cancellationToken);
        return Results.Ok(members);
    }
}
