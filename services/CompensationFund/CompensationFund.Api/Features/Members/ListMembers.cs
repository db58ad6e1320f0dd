using CompensationFund.Api.Domain.Members;
using Marten;
using Platform.Persistence;
using Platform.ServiceDefaults.Api;

namespace CompensationFund.Api.Features.Members;

/// <summary>The member cities the fund keeps accounts for, as learnt from cost-sharing.</summary>
public static class ListMembers
{
    public static async Task<IResult> HandleAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var members = await session.Query<FundMember>()
            .ToPageAsync(q => q.OrderBy(m => m.CityId), PageRequest.From(page, pageSize), MemberResponse.From, cancellationToken);
        return Results.Ok(members);
    }
}
