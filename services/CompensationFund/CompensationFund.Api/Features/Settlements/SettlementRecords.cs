using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Settlement;
using Marten;

namespace CompensationFund.Api.Features.Settlements;

/// <summary>Finds the settlement record that carries an allocation's positions: a correcting allocation's are on the one it corrects.</summary>
public static class SettlementRecords
{
    public static async Task<AllocationSettlement> RootAsync(IQuerySession session, Guid allocationId, CancellationToken cancellationToken)
    {
        var record = await session.LoadAsync<AllocationSettlement>(allocationId, cancellationToken)
            ?? throw new FundRuleException("Unknown allocation", $"The fund has no settlement for allocation {allocationId}.");
        for (var hops = 0; record.Supersedes is { } earlier && record.Positions.Count == 0 && hops < 100; hops++)
        {
            record = await session.LoadAsync<AllocationSettlement>(earlier, cancellationToken) ?? record;
        }

        return record;
    }
}
