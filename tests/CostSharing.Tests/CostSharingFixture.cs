using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Xunit;

namespace CostSharing.Tests;

/// <summary>Cost-sharing hosted in the test process against the real PostgreSQL and broker, one database per test class.</summary>
public sealed class CostSharingFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public TestInfrastructure Infrastructure { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.GetAsync();
        var database = await Infrastructure.CreateDatabaseAsync("cost_sharing_tests");
        Service = new ServiceFactory<Program>(database, Infrastructure.Broker.BootstrapServers, Infrastructure.CreateTopicNamespace());
        Service.Start();
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    public HttpClient Coordinator() => Service.ClientWithToken(TestTokens.Coordinator());

    public async Task<long> CountAsync(string sql)
    {
        await using var session = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.QueryAsync<long>(sql)).Single();
    }

    public HttpClient City(string cityId) => Service.ClientWithToken(TestTokens.City(cityId));

    public HttpClient As(string role) => Service.ClientWithToken(TestTokens.For(role));

    /// <summary>Every document and outbox row the cost-sharing slices wrote, to prove a refused request changed nothing.</summary>
    public async Task<string> AllWritesAsync() => string.Join(", ", await Task.WhenAll(
        new[] { "mt_doc_membercity", "mt_doc_agreement", "mt_doc_incident", "mt_doc_costclaim", "mt_doc_allocation", "platform_outbox" }
            .Select(async table => $"{table}={await CountAsync($"select count(*) from cost_sharing.{table}")}")));

    /// <summary>Every write the service made: member documents plus outbox rows.</summary>
    public async Task<(long Members, long Outbox)> WritesAsync() =>
        (await CountAsync("select count(*) from cost_sharing.mt_doc_membercity"),
         await CountAsync("select count(*) from cost_sharing.platform_outbox"));
}
