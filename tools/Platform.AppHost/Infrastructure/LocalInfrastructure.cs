using Platform.Contracts;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// What the services need beneath them, started inside the app host process: a throwaway PostgreSQL
/// cluster in <c>.local/postgres</c>, the embedded Kafka-protocol broker with every topic, and this run's
/// token-signing keys.
/// </summary>
/// <remarks>
/// Implementation note: both servers die with the app host. Ctrl+C and SIGTERM stop the Aspire host, after
/// which <c>Program</c> disposes this; the process-exit hook covers an exit that skips that disposal. Both
/// paths wait for the same stop, so PostgreSQL is never left running.
/// </remarks>
internal sealed class LocalInfrastructure : IAsyncDisposable
{
    public const string Database = "platform";
    public const int KafkaBrokers = 3;
    public const int TopicPartitions = 4;

    private readonly LocalPostgresServer _postgres;
    private readonly EmbeddedKafkaBroker _kafka;
    private readonly Lock _gate = new();
    private Task? _stopping;

    private LocalInfrastructure(LocalPostgresServer postgres, EmbeddedKafkaBroker kafka, TokenSigningKeys signingKeys)
    {
        _postgres = postgres;
        _kafka = kafka;
        SigningKeys = signingKeys;
    }

    public string PostgresConnectionString => _postgres.ConnectionString(Database);

    public string PostgresDataDirectory => _postgres.DataDirectory;

    public string KafkaBootstrapServers => _kafka.BootstrapServers;

    public TokenSigningKeys SigningKeys { get; }

    public static async Task<LocalInfrastructure> StartAsync(string repositoryRoot, int postgresPort)
    {
        var postgres = await LocalPostgresCluster.StartFreshAsync(Path.Combine(repositoryRoot, ".local", "postgres"), postgresPort);
        EmbeddedKafkaBroker? kafka = null;
        try
        {
            await postgres.CreateDatabaseAsync(Database);
            kafka = EmbeddedKafkaBroker.Start(KafkaBrokers);
            foreach (var topic in Topics.All)
            {
                kafka.CreateTopic(topic, TopicPartitions, replicationFactor: KafkaBrokers);
            }

            var infrastructure = new LocalInfrastructure(postgres, kafka, TokenSigningKeys.Generate());
            AppDomain.CurrentDomain.ProcessExit += infrastructure.OnProcessExit;
            return infrastructure;
        }
        catch
        {
            kafka?.Dispose();
            await postgres.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopping ??= StopAsync();
            return new ValueTask(_stopping);
        }
    }

    private async Task StopAsync()
    {
        _kafka.Dispose();
        await _postgres.DisposeAsync();
        Console.WriteLine($"Stopped PostgreSQL (port {_postgres.Port}) and the embedded Kafka broker.");
    }

    private void OnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
