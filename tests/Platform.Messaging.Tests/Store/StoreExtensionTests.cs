using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.Idempotency;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Xunit;

namespace Platform.Messaging.Tests.Store;

/// <summary>
/// The store knows no other block: messaging and idempotency keep their tables and the outbox's commit listener in the
/// service's store by registering <see cref="IStoreExtension"/>s (docs/architecture.md §4). Building the store needs no
/// database, so these run without one.
/// </summary>
public sealed class StoreExtensionTests
{
    [Fact]
    public void MessagingPlugsItsCommitListenerIntoTheStore()
    {
        using var app = Build(b => b.AddPlatformMessaging("probe", Platform.Contracts.Topics.CostSharing));

        Assert.Contains(Options(app).Listeners, l => l is OutboxCommitListener);
    }

    [Fact]
    public void TheSchemaStepCreatesTheTablesOfEveryBlockThatExtendsTheStore()
    {
        using var app = Build(b =>
        {
            b.AddPlatformMessaging("probe", Platform.Contracts.Topics.CostSharing);
            b.AddIdempotencyKeys();
        });

        var sql = string.Join('\n', app.Services.GetServices<IStoreExtension>().Select(e => e.CreateSql));

        Assert.Contains("\"probe\".platform_outbox", sql, StringComparison.Ordinal);
        Assert.Contains("\"probe\".platform_inbox", sql, StringComparison.Ordinal);
        Assert.Contains("\"probe\".platform_parked", sql, StringComparison.Ordinal);
        Assert.Contains("\"probe\".platform_idempotency", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void AStoreAloneHasNoMessagingTablesAndNoListener()
    {
        using var app = Build(_ => { });

        Assert.Empty(app.Services.GetServices<IStoreExtension>());
        Assert.Empty(Options(app).Listeners.OfType<OutboxCommitListener>());
    }

    private static StoreOptions Options(WebApplication app) => ((DocumentStore)app.Services.GetRequiredService<IDocumentStore>()).Options;

    private static WebApplication Build(Action<WebApplicationBuilder> extend)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:postgres"] = "Host=127.0.0.1;Database=probe";
        builder.Configuration["Kafka:BootstrapServers"] = "127.0.0.1:9092";
        builder.AddPlatformStore("probe");
        extend(builder);
        return builder.Build();
    }
}
