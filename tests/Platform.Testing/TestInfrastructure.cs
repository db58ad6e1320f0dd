using Platform.Contracts;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;

namespace Platform.Testing;

/// <summary>
/// One throwaway PostgreSQL and one embedded Kafka-protocol broker per test process, started on first use
/// and stopped when the process exits. Test classes isolate themselves with a database and a topic
/// namespace of their own, so they can run in parallel against the same servers.
/// </summary>
public sealed class TestInfrastructure
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestInfrastructure? _instance;

    private TestInfrastructure(LocalPostgresServer postgres, EmbeddedKafkaBroker broker)
    {
        Postgres = postgres;
        Broker = broker;
    }

    public LocalPostgresServer Postgres { get; }

    public EmbeddedKafkaBroker Broker { get; }

    public static async Task<TestInfrastructure> GetAsync()
    {
        if (_instance is not null)
        {
            return _instance;
        }

        await Gate.WaitAsync();
        try
        {
            if (_instance is null)
            {
                // Fails loudly (with what to install) when PostgreSQL is missing: tests never skip silently.
                var postgres = await LocalPostgresServer.StartAsync();
                var broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    postgres.Stop();
                    broker.Dispose();
                };
                _instance = new TestInfrastructure(postgres, broker);
            }

            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh database for one test class.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{Sanitize(prefix)}_{Guid.NewGuid():N}"[..40];
        await Postgres.CreateDatabaseAsync(name);
        return Postgres.ConnectionString(name);
    }

    /// <summary>A fresh topic namespace with every platform topic created in it.</summary>
    public string CreateTopicNamespace(EmbeddedKafkaBroker? broker = null)
    {
        var ns = "t" + Guid.NewGuid().ToString("N")[..10];
        CreateTopics(broker ?? Broker, ns);
        return ns;
    }

    public static void CreateTopics(EmbeddedKafkaBroker broker, string ns)
    {
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic($"{ns}.{topic}", partitions: 4);
        }
    }

    private static string Sanitize(string value) =>
        new string(value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()).PadRight(8, '_');
}
