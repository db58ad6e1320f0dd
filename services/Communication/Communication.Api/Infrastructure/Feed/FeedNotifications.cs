using Marten;
using Npgsql;
using Platform.Persistence;

namespace Communication.Api.Infrastructure.Feed;

/// <summary>
/// The feed's wake-up signal across replicas: the transaction that adds feed entries also runs <c>pg_notify</c> for each city
/// (delivered by PostgreSQL only if it commits), and every replica listens on the channel and tells its <see cref="FeedHub"/>.
/// </summary>
public sealed class FeedNotifications(NpgsqlDataSource dataSource, StoreSchema schema, FeedHub hub, ILogger<FeedNotifications> logger)
    : BackgroundService
{
    /// <summary>One channel per service schema, so two deployments sharing a server do not wake each other.</summary>
    public static string Channel(StoreSchema schema) => $"{schema.Name}_feed";

    /// <summary>Queues the notification in the session's transaction.</summary>
    public static void Queue(IDocumentSession session, StoreSchema schema, string cityId) =>
        session.QueueSelect("select pg_notify(?, ?)", Channel(schema), cityId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => _ = WakeAsync(e.Payload, stoppingToken);
                await using (var listen = new NpgsqlCommand($"listen \"{Channel(schema)}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything committed while the channel was down is read now.
                await hub.RefreshAllAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                logger.LogWarning(e, "Feed notification channel lost; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task WakeAsync(string cityId, CancellationToken cancellationToken)
    {
        try
        {
            await hub.NotifyAsync(cityId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not refresh the feed of {CityId}", cityId);
        }
    }
}
