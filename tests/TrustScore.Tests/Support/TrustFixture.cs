using System.Net.Http.Json;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.ServiceDefaults.Security;
using Platform.Testing;
using TrustScore.Api.Infrastructure;
using TrustScore.Api.Integration.Communication;

namespace TrustScore.Tests.Support;

/// <summary>
/// Trust-score hosted in the test process against the real PostgreSQL and broker, one database and topic namespace per
/// test class, its clock in the test's hands. Consumed events are produced to its namespaced topics with the envelope the
/// platform's relays write.
/// </summary>
public sealed class TrustFixture : IAsyncLifetime
{
    private IProducer<string, byte[]>? _producer;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public TrustFactory Service { get; private set; } = null!;

    public TestInfrastructure Infrastructure { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.GetAsync();
        var database = await Infrastructure.CreateDatabaseAsync("trust_tests");
        var ns = Infrastructure.CreateTopicNamespace();
        Service = new TrustFactory(database, Infrastructure.Broker.BootstrapServers, ns, Clock);
        Service.Settings["Trust:SweepInterval"] = "00:00:00.200";
        Service.Settings["Messaging:ParkingDelays"] = "00:00:00.300,00:00:00.600,00:00:01,00:00:02,00:00:05,00:00:10,00:00:30";
        Service.Start();
    }

    public async Task DisposeAsync()
    {
        _producer?.Dispose();
        await Service.DisposeAsync();
    }

    public HttpClient Coordinator() => Service.ClientWithToken(TestTokens.Coordinator());

    public HttpClient City(string cityId) => Service.ClientWithToken(TestTokens.City(cityId));

    public HttpClient As(string role) => Service.ClientWithToken(TestTokens.For(role));

    public async Task<Guid> PublishAsync<TEvent>(string topic, string key, TEvent @event, Guid? messageId = null)
        where TEvent : notnull
    {
        var contract = (IntegrationEventAttribute)Attribute.GetCustomAttribute(typeof(TEvent), typeof(IntegrationEventAttribute))!;
        var id = messageId ?? Guid.CreateVersion7();
        var envelope = new EventEnvelope(id, contract.Name, contract.Version, key, DateTimeOffset.UtcNow, "test-" + id.ToString("N"), null, null, null);
        _producer ??= new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = Infrastructure.Broker.BootstrapServers, EnableIdempotence = true, Acks = Acks.All,
        }).Build();
        await _producer.ProduceAsync($"{Service.TopicNamespace}.{topic}", new Message<string, byte[]>
        {
            Key = key, Value = JsonSerializer.SerializeToUtf8Bytes(@event, EventTypeRegistry.JsonOptions), Headers = envelope.ToHeaders(),
        });
        return id;
    }

    /// <summary>Cities no other test uses, joined through cost-sharing's event; returns once trust-score knows them.</summary>
    public async Task<string[]> NewCitiesAsync(int count, string prefix = "c")
    {
        var cities = Enumerable.Range(0, count).Select(_ => $"{prefix}-{Guid.NewGuid():N}"[..16]).ToArray();
        foreach (var city in cities)
        {
            await PublishAsync(Topics.CostSharing, city, new MemberJoined(
                city, city, "浙江省", 1_000_000, 1m, new MemberContact("x", $"x@{city}.gov.cn", null), Clock.GetUtcNow()));
        }

        using var coordinator = Coordinator();
        foreach (var city in cities)
        {
            await Eventually.Until(async () => (await coordinator.GetAsync($"/api/trust/scores/{city}")).IsSuccessStatusCode, because: $"{city} to join");
        }

        return cities;
    }

    public async Task<JsonElement> ScoreAsync(string cityId)
    {
        using var coordinator = Coordinator();
        return await coordinator.GetFromJsonAsync<JsonElement>($"/api/trust/scores/{cityId}");
    }

    /// <summary>The trust-score events published so far for a city.</summary>
    public List<(string Type, JsonElement Body)> Published(string cityId) =>
        [.. TopicReader.ReadAll(Infrastructure.Broker.BootstrapServers, $"{Service.TopicNamespace}.{Topics.TrustScore}", TimeSpan.FromSeconds(1))
            .Where(m => m.Message.Key == cityId)
            .OrderBy(m => m.Offset.Value)
            .Select(m => (System.Text.Encoding.UTF8.GetString(m.Message.Headers.GetLastBytes(HeaderNames.Type)), JsonSerializer.Deserialize<JsonElement>(m.Message.Value)))];
}

/// <summary>Trust-score with its clock replaced by the test's.</summary>
public sealed class TrustFactory(string connectionString, string bootstrapServers, string topicNamespace, ManualClock clock)
    : ServiceFactory<Program>(connectionString, bootstrapServers, topicNamespace)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new TrustClock(clock, TimeSpan.Zero)));
    }
}
