using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Messaging.Store;

/// <summary>
/// Creates the service's schema objects: Marten's documents and the messaging tables. Runs first at
/// start in development; in a cluster the same code runs as the migration step (<c>--migrate</c>).
/// </summary>
public sealed class StoreInitializer(
    IDocumentStore store, NpgsqlDataSource dataSource, MessagingTables tables, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using (var command = dataSource.CreateCommand(tables.CreateSql))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        logger.LogInformation("Schema {Schema} is up to date", tables.Schema);
    }
}
