using System.Diagnostics;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Messaging.Envelope;
using Platform.Messaging.Store;
using Platform.ServiceDefaults.Observability;
using Polly;
using Polly.Retry;

namespace Platform.Messaging.Inbox;

/// <summary>
/// Applies a consumed message exactly once: the handler's state change and the inbox row of the message
/// id commit in one Marten transaction; a message whose id is already in the inbox changes nothing.
/// A message that keeps failing is retried with backoff and then dead-lettered.
/// </summary>
public sealed class InboxProcessor
{
    private static readonly ActivitySource Source = new(TelemetryExtensions.MessagingActivitySource);
    private readonly IServiceProvider _services;
    private readonly IDocumentStore _store;
    private readonly NpgsqlDataSource _dataSource;
    private readonly MessagingTables _tables;
    private readonly EventTypeRegistry _types;
    private readonly HandlerRegistry _handlers;
    private readonly DeadLetterQueue _deadLetters;
    private readonly ILogger<InboxProcessor> _logger;
    private readonly ResiliencePipeline _pipeline;

    public InboxProcessor(
        IServiceProvider services, IDocumentStore store, NpgsqlDataSource dataSource, MessagingTables tables, EventTypeRegistry types,
        HandlerRegistry handlers, DeadLetterQueue deadLetters, IOptions<MessagingOptions> options, ILogger<InboxProcessor> logger)
    {
        (_services, _store, _dataSource, _tables, _types, _handlers, _deadLetters, _logger) =
            (services, store, dataSource, tables, types, handlers, deadLetters, logger);
        var settings = options.Value;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                Name = "infrastructure",
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = settings.HandlerRetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                UseJitter = true,
            })
            .AddRetry(new RetryStrategyOptions
            {
                Name = "handler",
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => !TransientFailures.IsTransient(e) && e is not OperationCanceledException),
                MaxRetryAttempts = Math.Max(0, settings.HandlerMaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                Delay = settings.HandlerRetryBaseDelay,
                UseJitter = true,
            })
            .Build();
        MaxAttempts = Math.Max(1, settings.HandlerMaxAttempts);
    }

    private int MaxAttempts { get; }

    /// <param name="deadLetterOnFailure">False for a replay: the failure goes back to the operator instead.</param>
    public async Task<InboxOutcome> ProcessAsync(IncomingMessage message, bool deadLetterOnFailure, CancellationToken cancellationToken)
    {
        var envelope = EventEnvelope.FromHeaders(message.Headers, out var problem);
        if (envelope is null)
        {
            return await FailAsync(message, $"Invalid envelope: {problem}.", 1, deadLetterOnFailure, null, cancellationToken);
        }

        var type = _types.Resolve(envelope.Type, envelope.SchemaVersion);
        if (type is null || !_handlers.Handles(type))
        {
            MessagingMetrics.Consumed.WithLabels(message.Topic, envelope.Type, "ignored").Inc();
            return InboxOutcome.Ignored;
        }

        object? @event;
        try
        {
            @event = JsonSerializer.Deserialize(message.Payload, type, EventTypeRegistry.JsonOptions);
        }
        catch (JsonException ex)
        {
            return await FailAsync(message, $"Payload is not a valid {envelope.Type} v{envelope.SchemaVersion}: {ex.Message}", 1, deadLetterOnFailure, envelope, cancellationToken);
        }

        if (@event is null)
        {
            return await FailAsync(message, "Payload is null.", 1, deadLetterOnFailure, envelope, cancellationToken);
        }

        using var activity = Source.StartActivity($"consume {envelope.Type}", ActivityKind.Consumer, envelope.TraceParent);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.message.id", envelope.MessageId.ToString());
        using var correlation = CorrelationContext.Begin(envelope.CorrelationId, envelope.MessageId.ToString());
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = await _pipeline.ExecuteAsync(
                async token => await ApplyOnceAsync(message, envelope, @event, token), cancellationToken);
            MessagingMetrics.Consumed.WithLabels(message.Topic, envelope.Type, outcome == InboxOutcome.Applied ? "applied" : "duplicate").Inc();
            MessagingMetrics.HandlerDuration.WithLabels(envelope.Type).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Handling {Type} {MessageId} failed {Attempts} times", envelope.Type, envelope.MessageId, MaxAttempts);
            return await FailAsync(message, $"{ex.GetType().Name}: {ex.Message}", MaxAttempts, deadLetterOnFailure, envelope, cancellationToken, ex);
        }
    }

    private async Task<InboxOutcome> ApplyOnceAsync(IncomingMessage message, EventEnvelope envelope, object @event, CancellationToken cancellationToken)
    {
        if (await IsProcessedAsync(envelope.MessageId, cancellationToken))
        {
            return InboxOutcome.Duplicate;
        }

        await using var scope = _services.CreateAsyncScope();
        await using var session = _store.LightweightSession();
        await _handlers.DispatchAsync(scope.ServiceProvider, @event, envelope, session, cancellationToken);
        session.QueueSqlCommand(
            $"insert into {_tables.Inbox} (message_id, message_type, topic, kafka_partition, kafka_offset) values (?, ?, ?, ?, ?)",
            envelope.MessageId, envelope.Type, message.Topic, message.Partition, message.Offset);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return InboxOutcome.Applied;
        }
        catch (Exception ex) when (TransientFailures.IsInboxDuplicate(ex, _tables.Inbox))
        {
            return InboxOutcome.Duplicate;
        }
    }

    private async Task<bool> IsProcessedAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"select exists(select 1 from {_tables.Inbox} where message_id = @id)");
        command.Parameters.AddWithValue("id", messageId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<InboxOutcome> FailAsync(
        IncomingMessage message, string reason, int attempts, bool deadLetter, EventEnvelope? envelope,
        CancellationToken cancellationToken, Exception? exception = null)
    {
        if (!deadLetter)
        {
            throw new InvalidOperationException(reason, exception);
        }

        await _deadLetters.SendAsync(message, envelope?.MessageId, reason, attempts, cancellationToken);
        MessagingMetrics.Consumed.WithLabels(message.Topic, envelope?.Type ?? "unknown", "dead_lettered").Inc();
        return InboxOutcome.DeadLettered;
    }
}
