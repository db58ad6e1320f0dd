using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.Messaging.Inbox.Parking;

/// <summary>
/// Tries parked messages again when they are due, first of each key first; when one applies, the messages parked
/// behind it follow at once, in order, until the key is empty or one of them is not ready either.
/// </summary>
/// <remarks>
/// Implementation note: one replica releases at a time (a session advisory lock, freed if its connection dies), so a
/// key is never released by two at once; the consumer meanwhile applies a key's new messages directly only while the
/// key holds nothing in the park, and parks them behind otherwise, in the same statement that looks.
/// </remarks>
public sealed class ParkedMessageRelease(
    NpgsqlDataSource dataSource, MessagingTables tables, ParkingLot parking, InboxProcessor processor, ParkingSignal signal,
    IOptions<MessagingOptions> options, ILogger<ParkedMessageRelease> logger) : BackgroundService
{
    private const int HeadsPerPass = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReleaseDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Releasing parked messages failed; trying again at the next poll");
            }

            try
            {
                await signal.WaitAsync(options.Value.ParkingPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass: every due head and the messages behind it; then the park's metrics.</summary>
    internal async Task ReleaseDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await LockAsync(connection, "pg_try_advisory_lock", cancellationToken))
        {
            return;
        }

        try
        {
            foreach (var head in await parking.DueHeadsAsync(HeadsPerPass, cancellationToken))
            {
                await ReleaseKeyAsync(head, cancellationToken);
            }

            var (waiting, dead, oldest) = await parking.CountAsync(cancellationToken);
            MessagingMetrics.ParkedMessages.WithLabels(ParkedState.Waiting).Set(waiting);
            MessagingMetrics.ParkedMessages.WithLabels(ParkedState.Dead).Set(dead);
            MessagingMetrics.ParkedOldestAge.Set(oldest);
        }
        finally
        {
            await LockAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    private async Task ReleaseKeyAsync(ParkedMessage head, CancellationToken cancellationToken)
    {
        var tried = new HashSet<Guid>();
        for (var current = head; current is not null; current = await parking.HeadOfAsync(head.Topic, head.Key, cancellationToken))
        {
            var due = current == head || (current.State == ParkedState.Waiting && current.NextAttemptAt <= DateTimeOffset.UtcNow);
            if (!tried.Add(current.MessageId))
            {
                return;
            }

            if (!due || await processor.ReleaseAsync(current, cancellationToken) is InboxOutcome.Parked or InboxOutcome.DeadLettered)
            {
                return;
            }
        }
    }

    private async Task<bool> LockAsync(NpgsqlConnection connection, string function, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select {function}(hashtext(@lock))", connection);
        command.Parameters.AddWithValue("lock", tables.Parked);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
