using Confluent.Kafka;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.ServiceDefaults.Security;
using Platform.Testing;
using Xunit;

namespace Evaluation.Tests.Support;

/// <summary>
/// Evaluation hosted in the test process against the real PostgreSQL and broker, one database and topic namespace per
/// test class. Cost-sharing's events are produced to the namespaced topic with the envelope its relay writes.
/// </summary>
public sealed class EvaluationFixture : IAsyncLifetime
{
    private IProducer<string, byte[]>? _producer;

    public ServiceFactory<Program> Service { get; private set; } = null!;

    public TestInfrastructure Infrastructure { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.GetAsync();
        var database = await Infrastructure.CreateDatabaseAsync("evaluation_tests");
        Service = new ServiceFactory<Program>(database, Infrastructure.Broker.BootstrapServers, Infrastructure.CreateTopicNamespace());
        Service.Start();
    }

    public async Task DisposeAsync()
    {
        _producer?.Dispose();
        await Service.DisposeAsync();
    }

    public HttpClient Coordinator() => Service.ClientWithToken(TestTokens.Coordinator());

    public HttpClient City(string cityId) => Service.ClientWithToken(TestTokens.City(cityId));

    public HttpClient Evaluator(string evaluatorId) => Service.ClientWithToken(TestTokens.For(PlatformRoles.Evaluator, evaluatorId: evaluatorId));

    public HttpClient As(string role) => Service.ClientWithToken(TestTokens.For(role));

    public async Task PublishAsync<TEvent>(string key, TEvent @event)
        where TEvent : notnull
    {
        var contract = (IntegrationEventAttribute)Attribute.GetCustomAttribute(typeof(TEvent), typeof(IntegrationEventAttribute))!;
        var id = Guid.CreateVersion7();
        var envelope = new EventEnvelope(id, contract.Name, contract.Version, key, DateTimeOffset.UtcNow, "test-" + id.ToString("N"), null, null, null);
        _producer ??= new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = Infrastructure.Broker.BootstrapServers, EnableIdempotence = true, Acks = Acks.All,
        }).Build();
        await _producer.ProduceAsync($"{Service.TopicNamespace}.{Topics.CostSharing}", new Message<string, byte[]>
        {
            Key = key, Value = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(@event, EventTypeRegistry.JsonOptions), Headers = envelope.ToHeaders(),
        });
    }

    /// <summary>Cities no other test uses, joined through cost-sharing's event and known to evaluation.</summary>
    public async Task<string[]> NewCitiesAsync(int count)
    {
        var cities = Enumerable.Range(0, count).Select(i => $"c{i}-{Guid.NewGuid():N}"[..16]).ToArray();
        foreach (var city in cities)
        {
            await PublishAsync(city, new MemberJoined(city, "City " + city, "浙江省", 1_000_000, 1m, new MemberContact("x", $"x@{city}.gov.cn", null), DateTimeOffset.UtcNow));
        }

        using var coordinator = Coordinator();
        foreach (var city in cities)
        {
            await Eventually.Until(async () => (await coordinator.GetAsync($"/api/evaluation/members/{city}")).IsSuccessStatusCode, because: $"{city} to join");
        }

        return cities;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var session = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.QueryAsync<long>(sql)).Single();
    }

    /// <summary>Every document and outbox row evaluation writes, to prove a refused request changed nothing.</summary>
    public async Task<string> AllWritesAsync() => string.Join(", ", await Task.WhenAll(
        new[] { "mt_doc_evaluationround", "mt_doc_assessment", "mt_doc_criteriaframework", "platform_outbox" }
            .Select(async table => $"{table}={await CountAsync($"select count(*) from evaluation.{table}")}")));

    /// <summary>The payloads of the events evaluation enqueued of one type, in order.</summary>
    public async Task<IReadOnlyList<System.Text.Json.JsonElement>> OutboxAsync(string messageType)
    {
        await using var session = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var payloads = await session.QueryAsync<string>($"select payload::text from evaluation.platform_outbox where message_type = '{messageType}' order by occurred_at");
        return [.. payloads.Select(p => System.Text.Json.JsonDocument.Parse(p).RootElement.Clone())];
    }
}
