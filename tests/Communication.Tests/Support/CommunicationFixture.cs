using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Testing;

namespace Communication.Tests.Support;

/// <summary>Communication hosted in the test process against the real PostgreSQL and broker, one database per test class.</summary>
public class CommunicationFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public TestInfrastructure Infrastructure { get; private set; } = null!;

    /// <summary>Settings on top of the test defaults (e.g. short acknowledgement deadlines).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.GetAsync();
        var database = await Infrastructure.CreateDatabaseAsync("communication_tests");
        Service = new ServiceFactory<Program>(database, Infrastructure.Broker.BootstrapServers, Infrastructure.CreateTopicNamespace());
        foreach (var (key, value) in Settings)
        {
            Service.Settings[key] = value;
        }

        Service.Start();
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    public HttpClient Coordinator() => Service.ClientWithToken(TestTokens.Coordinator());

    public HttpClient City(string cityId) => Service.ClientWithToken(TestTokens.City(cityId));

    public async Task<long> CountAsync(string table)
    {
        await using var session = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.QueryAsync<long>($"select count(*) from communication.{table}")).Single();
    }

    /// <summary>Every document and outbox row the warning slices write, to prove a refused request changed nothing.</summary>
    public async Task<string> WarningWritesAsync() => string.Join(", ", await Task.WhenAll(
        new[] { "mt_doc_warning", "mt_doc_feedentry", "mt_doc_cityfeed", "mt_doc_acknowledgementduty", "platform_outbox" }
            .Select(async table => $"{table}={await CountAsync(table)}")));

    /// <summary>The events this service published, by type, as JSON.</summary>
    public async Task<List<JsonElement>> PublishedAsync(string type, Func<JsonElement, bool> match, string because)
    {
        var topic = $"{Service.TopicNamespace}.{Topics.Communication}";
        return await Eventually.Until(
            () => Task.FromResult(TopicReader.ReadAll(Infrastructure.Broker.BootstrapServers, topic, TimeSpan.FromMilliseconds(500))
                .Where(m => Encoding.UTF8.GetString(m.Message.Headers.GetLastBytes("message-type")) == type)
                .Select(m => JsonSerializer.Deserialize<JsonElement>(m.Message.Value))
                .Where(match)
                .ToList()),
            found => found.Count > 0,
            because: because);
    }
}

/// <summary>Red warnings due within a second and a fast sweep: for the missed-acknowledgement tests.</summary>
public sealed class ShortDeadlineFixture : CommunicationFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Communication:AcknowledgementDeadlines:Red"] = "00:00:01",
        ["Communication:SweepInterval"] = "00:00:00.200",
    };
}
