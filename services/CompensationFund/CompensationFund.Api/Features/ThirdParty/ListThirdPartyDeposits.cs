using CompensationFund.Api.Domain.Compensation;
using Marten;
using Platform.Persistence;
using Platform.ServiceDefaults.Api;

namespace CompensationFund.Api.Features.ThirdParty;

/// <summary>Third-party deposits, newest first, with what is released of each.</summary>
public static class ListThirdPartyDeposits
{
    public static async Task<IResult> HandleAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var deposits = await session.Query<ThirdPartyDeposit>()
            .ToPageAsync(q => q.OrderByDescending(d => d.RecordedAt), PageRequest.From(page, pageSize), DepositResponse.From, cancellationToken);
        return Results.Ok(deposits);
    }
}
