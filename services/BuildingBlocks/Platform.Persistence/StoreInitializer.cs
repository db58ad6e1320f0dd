using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Persistence;

/// <summary>
/// Creates the service's schema objects: the tables the other blocks keep beside the documents
/// (<see cref="IStoreExtension.CreateSql"/>), then Marten's documents. Runs first at start in development; in a
/// cluster the same code runs as the migration step (<c>--migrate</c>).
/// </summary>
public sealed class StoreInitializer(
    IDocumentStore store, NpgsqlDataSource dataSource, StoreSchema schema, IEnumerable<IStoreExtension> extensions, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <remarks>
    /// Implementation note: replicas starting together would race to create the same tables, and PostgreSQL's DDL is
    /// not idempotent under concurrency (one fails with a duplicate-object error). A session advisory lock per schema,
    /// held on a connection of its own while the changes are applied, lets one replica migrate and the others wait
    /// and then find the schema up to date.
    /// </remarks>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("select pg_advisory_lock(hashtext('platform-migrate:' || @schema))", lockConnection))
        {
            take.Parameters.AddWithValue("schema", schema.Name);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var createSql = string.Join('\n', extensions.Select(e => e.CreateSql).Prepend($"create schema if not exists \"{schema.Name}\";"));
            await using (var command = dataSource.CreateCommand(createSql))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            logger.LogInformation("Schema {Schema} is up to date", schema.Name);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(hashtext('platform-migrate:' || @schema))", lockConnection);
            release.Parameters.AddWithValue("schema", schema.Name);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
