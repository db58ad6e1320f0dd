using System.Net.Http.Json;
using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Infrastructure.Ledger;
using Confluent.Kafka;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace CompensationFund.Tests.Support;

/// <summary>
/// The fund hosted in the test process against the real PostgreSQL and broker, one database and topic namespace per
/// test class. Consumed events are produced to the fund's namespaced topics with a full envelope, as cost-sharing's
/// and evaluation's relays would.
/// </summary>
public class FundFixture : IAsyncLifetime
{
    /// <summary>Parked messages are tried again within seconds in tests (hours in production), long enough for a join to arrive.</summary>
    public const string FastParking = "00:00:00.300,00:00:00.600,00:00:01,00:00:02,00:00:03,00:00:05,00:00:10,00:00:30";

    private IProducer<string, byte[]>? _producer;

    public ServiceFactory<Program> Service { get; private set; } = null!;

    public TestInfrastructure Infrastructure { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.GetAsync();
        var database = await Infrastructure.CreateDatabaseAsync("fund_tests");
        Service = new ServiceFactory<Program>(database, Infrastructure.Broker.BootstrapServers, Infrastructure.CreateTopicNamespace());
        Service.Settings["Fund:ExpirySweepInterval"] = "00:00:00.200";
        Service.Settings["Messaging:ParkingDelays"] = FastParking;
        Service.Settings["Messaging:ParkingPollInterval"] = "00:00:00.100";
        Configure(Service.Settings);
        Service.Start();
    }

    /// <summary>Settings a fixture for one scenario adds before the service starts (another time zone, say).</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async Task DisposeAsync()
    {
        _producer?.Dispose();
        await Service.DisposeAsync();
    }

    public HttpClient Finance() => Service.ClientWithToken(TestTokens.For(PlatformRoles.Finance));

    /// <summary>A named member of finance staff (its token's subject differs), for changes that need several people.</summary>
    public HttpClient Finance(string name) => Service.ClientWithToken(TestTokens.For(PlatformRoles.Finance, cityId: name));

    public HttpClient Coordinator() => Service.ClientWithToken(TestTokens.Coordinator());

    /// <summary>A named member of the coordinating body (its token's subject differs), for approvals that need several.</summary>
    public HttpClient Coordinator(string name) => Service.ClientWithToken(TestTokens.For(PlatformRoles.Coordinator, cityId: name));

    public HttpClient Auditor() => Service.ClientWithToken(TestTokens.For(PlatformRoles.Auditor));

    public HttpClient City(string cityId) => Service.ClientWithToken(TestTokens.City(cityId));

    public T Get<T>()
        where T : notnull => Service.Services.GetRequiredService<T>();

    /// <summary>Opens <paramref name="count"/> manual income accounts named after <paramref name="prefix"/>, for a test's own postings.</summary>
    public async Task<string[]> OpenIncomeAccountsAsync(string prefix, int count)
    {
        var accounts = Enumerable.Range(0, count)
            .Select(i => LedgerAccount.OpenFundAccount(
                $"fund:income:{prefix}-{i:D2}", LedgerAccountKind.Income, $"Test account {prefix} {i}", DateTimeOffset.UtcNow))
            .ToList();
        await using var session = Get<IDocumentStore>().LightweightSession();
        Get<AccountOpening>().Open(session, accounts);
        await session.SaveChangesAsync();
        return [.. accounts.Select(a => a.Id)];
    }

    /// <summary>Publishes a consumed event to the fund's namespaced topic, with the envelope the platform's relays write.</summary>
    public async Task<Guid> PublishAsync<TEvent>(string topic, string key, TEvent @event, Guid? messageId = null)
        where TEvent : notnull
    {
        var contract = (IntegrationEventAttribute)Attribute.GetCustomAttribute(typeof(TEvent), typeof(IntegrationEventAttribute))!;
        var id = messageId ?? Guid.CreateVersion7();
        var envelope = new EventEnvelope(id, contract.Name, contract.Version, key, DateTimeOffset.UtcNow, "test-" + id.ToString("N"), null, null, null);
        _producer ??= new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = Infrastructure.Broker.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).Build();
        await _producer.ProduceAsync($"{Service.TopicNamespace}.{topic}", new Message<string, byte[]>
        {
            Key = key,
            Value = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(@event, EventTypeRegistry.JsonOptions),
            Headers = envelope.ToHeaders(),
        });
        return id;
    }

    /// <summary>Members join through cost-sharing's event; returns once the fund has opened their accounts.</summary>
    public async Task JoinAsync(params string[] cityIds)
    {
        foreach (var city in cityIds)
        {
            await PublishAsync(Topics.CostSharing, city, new MemberJoined(
                city, city, "浙江省", 1_000_000, 100_000_000_000m, new MemberContact("x", $"x@{city}.gov.cn", null), DateTimeOffset.UtcNow));
        }

        using var finance = Finance();
        foreach (var city in cityIds)
        {
            await Eventually.Until(
                async () => (await finance.GetAsync($"/api/fund/members/{city}/accounts")).IsSuccessStatusCode, because: $"{city}'s accounts to open");
        }
    }

    /// <summary>A city no other test uses, joined and with its accounts open.</summary>
    public async Task<string> NewCityAsync(string prefix = "city")
    {
        var city = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await JoinAsync(city);
        return city;
    }

    /// <summary>Runs SQL behind the service's back (a test that tampers with the books to see the reconciliation notice).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var command = Get<Npgsql.NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var session = Get<IDocumentStore>().QuerySession();
        return (await session.QueryAsync<T>(sql)).Single();
    }
}
