using Communication.Api.Domain.Members;
using Marten;
using Platform.ServiceDefaults.Api;

namespace Communication.Api.Features.Members;

/// <summary>The member cities communication knows, as learnt from cost-sharing.</summary>
public static class ListMembers
{
    public static async Task<IResult> HandleAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var total = await session.Query<CommunicationMember>().CountAsync(cancellationToken);
        var members = await session.Query<CommunicationMember>()
            .OrderBy(m => m.CityId)
            .Skip(request.Skip)
            .Take(request.Size)
            .ToListAsync(cancellationToken);
        return Results.Ok(new Page<MemberResponse>(members.Select(MemberResponse.From).ToList(), request.Number, request.Size, total));
    }
}
