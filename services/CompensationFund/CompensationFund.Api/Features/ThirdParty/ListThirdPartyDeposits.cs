using CompensationFund.Api.Domain.Compensation;
using Marten;
using Platform.ServiceDefaults.Api;

namespace CompensationFund.Api.Features.ThirdParty;

/// <summary>Third-party deposits, newest first, with what is released of each.</summary>
public static class ListThirdPartyDeposits
{
    public static async Task<IResult> HandleAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var total = await session.Query<ThirdPartyDeposit>().CountAsync(cancellationToken);
        var items = await session.Query<ThirdPartyDeposit>().OrderByDescending(d => d.RecordedAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<DepositResponse>([.. items.Select(DepositResponse.From)], request.Number, request.Size, total));
    }
}
