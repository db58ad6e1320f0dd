using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Idempotency;

/// <summary>Forgets idempotency keys older than <see cref="IdempotencyKeys.Retention"/>, hourly.</summary>
internal sealed class IdempotencyRetention(NpgsqlDataSource dataSource, IdempotencyTables tables, ILogger<IdempotencyRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var command = dataSource.CreateCommand($"delete from {tables.Idempotency} where created_at < now() - @retention");
                command.Parameters.AddWithValue("retention", IdempotencyKeys.Retention);
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (NpgsqlException ex)
            {
                logger.LogWarning(ex, "Idempotency key cleanup failed; retrying next hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
