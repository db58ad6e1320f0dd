using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Platform.Messaging.Envelope;
using Platform.Idempotency;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>A widget's state change, the test contract the probe publishes and consumes.</summary>
[IntegrationEvent("test.widget-changed", 1)]
/// <remarks>
/// <c>Poison</c> fails the handler until a widget <c>cure-{id}</c> exists (so a replay can succeed once "the cause is
/// fixed"); <c>Requires</c> makes the handler answer "not yet" until that widget has been applied.
/// </remarks>
public sealed record WidgetChanged(string WidgetId, int Sequence, bool Poison = false, string? Requires = null);

/// <summary>What the consumer applied for one widget, in order.</summary>
public sealed class WidgetLog
{
    public string Id { get; set; } = string.Empty;

    public List<int> Sequences { get; set; } = [];

    public DateTimeOffset? FinalizedAt { get; set; }
}

public sealed class WidgetChangedHandler : IIntegrationEventHandler<WidgetChanged>
{
    public async Task HandleAsync(WidgetChanged @event, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (@event.Poison && await session.LoadAsync<WidgetLog>("cure-" + @event.WidgetId, cancellationToken) is null)
        {
            throw new InvalidOperationException($"Widget {@event.WidgetId} cannot be applied (poison).");
        }

        if (@event.Requires is { } dependency && await session.LoadAsync<WidgetLog>(dependency, cancellationToken) is null)
        {
            throw new MessageNotReadyException($"widget {dependency} has not arrived");
        }

        var log = await session.LoadAsync<WidgetLog>(@event.WidgetId, cancellationToken) ?? new WidgetLog { Id = @event.WidgetId };
        log.Sequences.Add(@event.Sequence);
        session.Store(log);
    }
}

/// <summary>
/// A minimal service built from the real messaging building blocks: it publishes <see cref="WidgetChanged"/>
/// through its outbox to the real broker and consumes them back through its inbox into PostgreSQL.
/// </summary>
public sealed class ProbeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeHost(WebApplication app, string topicNamespace)
    {
        _app = app;
        TopicNamespace = topicNamespace;
    }

    public string TopicNamespace { get; }

    public Uri Address => new(_app.Urls.First());

    public IDocumentStore Store => _app.Services.GetRequiredService<IDocumentStore>();

    public IServiceProvider Services => _app.Services;

    /// <summary>A client of the coordinating body, for the admin calls (parked messages, dead letters).</summary>
    public HttpClient Coordinator()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Coordinator());
        return client;
    }

    public string Topic => $"{TopicNamespace}.{Topics.CostSharing}";

    public string DeadLetterTopic => $"{TopicNamespace}.{Topics.DeadLetter("probe")}";

    public static async Task<ProbeHost> StartAsync(
        string connectionString, string bootstrapServers, string topicNamespace, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ConnectionStrings:postgres"] = connectionString;
        builder.Configuration["Kafka:BootstrapServers"] = bootstrapServers;
        builder.Configuration["Messaging:Namespace"] = topicNamespace;
        builder.Configuration["Messaging:RelayPollInterval"] = "00:00:00.100";
        builder.Configuration["Messaging:HandlerRetryBaseDelay"] = "00:00:00.010";
        builder.Configuration["Messaging:HandlerMaxAttempts"] = "3";
        builder.Configuration["Messaging:ParkingDelays"] = "00:00:00.200,00:00:00.400,00:00:02,00:00:04,00:00:08";
        builder.Configuration["Messaging:ParkingPollInterval"] = "00:00:00.100";
        foreach (var (key, value) in TestTokens.ServiceSettings())
        {
            builder.Configuration[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        builder.AddPlatformAuthentication();
        builder.Services.AddProblemDetails();
        builder.AddPlatformStore("probe", o => o.Schema.For<WidgetLog>());
        builder.AddIdempotencyKeys();
        builder.AddPlatformMessaging("probe", Topics.CostSharing, Topics.CostSharing)
            .Handle<WidgetChanged, WidgetChangedHandler>();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdempotencyKeys();
        app.MapPost("/widgets", CreateWidgetAsync).WithIdempotencyKey().AllowAnonymous();
        app.MapPost("/widgets/{id}/finalize", FinalizeWidgetAsync).WithIdempotencyKey().AllowAnonymous();
        app.MapDeadLetterAdmin("/probe");
        app.MapOutboxAdmin("/probe");
        await app.StartAsync();
        return new ProbeHost(app, topicNamespace);
    }

    /// <summary>Commits a widget change and its event in one transaction.</summary>
    public async Task<Guid> PublishAsync(string widgetId, int sequence, bool poison = false, string? requires = null)
    {
        await using var session = Store.LightweightSession();
        var id = Services.GetRequiredService<EventOutbox>().Enqueue(session, widgetId, new WidgetChanged(widgetId, sequence, poison, requires));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>Commits several widget changes in one transaction, so the relay sends them together and the consumer takes them in one batch.</summary>
    public async Task<List<Guid>> PublishTogetherAsync(params WidgetChanged[] changes)
    {
        await using var session = Store.LightweightSession();
        var outbox = Services.GetRequiredService<EventOutbox>();
        var ids = changes.Select(c => outbox.Enqueue(session, c.WidgetId, c)).ToList();
        await session.SaveChangesAsync();
        return ids;
    }

    public async Task<IReadOnlyList<int>> AppliedAsync(string widgetId)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<WidgetLog>(widgetId))?.Sequences ?? [];
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var session = Store.QuerySession();
        var result = await session.QueryAsync<long>(sql);
        return result.Single();
    }

    /// <summary>An idempotent create: stores the widget, queues its event, records the response.</summary>
    private static async Task<IResult> CreateWidgetAsync(
        WidgetChanged request, IDocumentSession session, EventOutbox outbox, HttpContext http)
    {
        session.Insert(new WidgetLog { Id = request.WidgetId, Sequences = [request.Sequence] });
        var messageId = outbox.Enqueue(session, request.WidgetId, request);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, new { request.WidgetId, messageId }, $"/widgets/{request.WidgetId}");
        await session.SaveChangesAsync();
        return result;
    }

    /// <summary>A use case with a real domain guard: a widget is finalized once; finalizing it again is refused (422).</summary>
    private static async Task<IResult> FinalizeWidgetAsync(string id, IDocumentSession session, EventOutbox outbox, HttpContext http)
    {
        var widget = await session.LoadAsync<WidgetLog>(id);
        if (widget is null)
        {
            return Platform.ServiceDefaults.Errors.Problems.NotFound($"No widget {id}.");
        }

        if (widget.FinalizedAt is not null)
        {
            return Platform.ServiceDefaults.Errors.Problems.Unprocessable("Already finalized", $"Widget {id} was finalized at {widget.FinalizedAt:O}.");
        }

        widget.FinalizedAt = DateTimeOffset.UtcNow;
        session.Update(widget);
        var messageId = outbox.Enqueue(session, id, new WidgetChanged(id, widget.Sequences.Count + 1));
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, new { id, messageId, widget.FinalizedAt });
        await session.SaveChangesAsync();
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
