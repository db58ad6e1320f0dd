using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Infrastructure.Ledger;

namespace CompensationFund.Api.Features.Reports;

/// <summary>The opening counters of some accounts before a date and their movements in a date range, from the movement history.</summary>
public sealed record StatementRows(IReadOnlyDictionary<string, AccountBalance> Opening, IReadOnlyList<MovementRow> Movements)
{
    public static async Task<StatementRows> ReadAsync(MovementHistory history, string[] accounts, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        new(await history.SumsThroughAsync(accounts, from.AddDays(-1), cancellationToken), await history.MovementsAsync(accounts, from, to, cancellationToken));
}
