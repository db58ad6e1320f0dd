using CompensationFund.Api.Domain.Accounts;
using Marten;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// Opens the fund's own accounts at start when they are missing (docs/compensation-fund.md §2). Runs after the
/// store initializer, so the schema exists; two replicas starting together both try, and the loser's duplicate
/// insert is simply ignored.
/// </summary>
public sealed class FundChartInitializer(IDocumentStore store, AccountOpening opening, TimeProvider clock, ILogger<FundChartInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var ids = FundAccounts.Chart.Select(a => a.Id).ToArray();
        var existing = (await session.LoadManyAsync<LedgerAccount>(cancellationToken, ids)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var missing = FundAccounts.Open(clock.GetUtcNow()).Where(a => !existing.Contains(a.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        opening.Open(session, missing);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Opened {Count} fund accounts", missing.Count);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            logger.LogInformation("Fund accounts were opened by another instance");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
