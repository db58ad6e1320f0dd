using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox.Parking;
using Platform.Messaging.Outbox;
using Polly;

namespace Platform.Messaging.Inbox;

/// <summary>
/// Applies a consumed message exactly once: the handler's state change and the inbox row of the message id commit in
/// one transaction; a message whose id is already in the inbox changes nothing. A message that cannot be applied yet
/// is parked and redelivered later; one that keeps failing is dead-lettered; both hold their key, so later messages of
/// that key park behind them and apply in order (docs/messaging.md).
/// </summary>
public sealed partial class InboxProcessor
{
    private static readonly ActivitySource Source = new(Platform.ServiceDefaults.Observability.TelemetryExtensions.MessagingActivitySource);
    private readonly IServiceProvider _services;
    private readonly IDocumentStore _store;
    private readonly NpgsqlDataSource _dataSource;
    private readonly MessagingTables _tables;
    private readonly EventTypeRegistry _types;
    private readonly HandlerRegistry _handlers;
    private readonly DeadLetterQueue _deadLetters;
    private readonly ParkingLot _parking;
    private readonly ParkingSchedule _schedule;
    private readonly OutboxSignal _outboxSignal;
    private readonly TimeProvider _clock;
    private readonly ILogger<InboxProcessor> _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _infrastructure;

    public InboxProcessor(
        IServiceProvider services, IDocumentStore store, NpgsqlDataSource dataSource, MessagingTables tables, EventTypeRegistry types,
        HandlerRegistry handlers, DeadLetterQueue deadLetters, ParkingLot parking, OutboxSignal outboxSignal, TimeProvider clock,
        IOptions<MessagingOptions> options, ILogger<InboxProcessor> logger)
    {
        (_services, _store, _dataSource, _tables, _types, _handlers, _deadLetters, _parking, _outboxSignal, _clock, _logger) =
            (services, store, dataSource, tables, types, handlers, deadLetters, parking, outboxSignal, clock, logger);
        var settings = options.Value;
        _schedule = ParkingSchedule.Parse(settings.ParkingDelays);
        MaxAttempts = Math.Max(1, settings.HandlerMaxAttempts);
        _pipeline = RetryPipelines.ForHandlers(settings);
        _infrastructure = RetryPipelines.ForInfrastructure(settings);
    }

    private int MaxAttempts { get; }

    /// <summary>Applies a message off Kafka, or (with <paramref name="deadLetterOnFailure"/> false) replays a dead letter.</summary>
    /// <param name="deadLetterOnFailure">False for a replay: the failure goes back to the operator instead.</param>
    public async Task<InboxOutcome> ProcessAsync(IncomingMessage message, bool deadLetterOnFailure, CancellationToken cancellationToken)
    {
        if (!deadLetterOnFailure)
        {
            return await ReplayAsync(message, cancellationToken);
        }

        var envelope = EventEnvelope.FromHeaders(message.Headers, out var problem);
        var type = envelope is null ? null : _types.Resolve(envelope.Type, envelope.SchemaVersion);
        if (envelope is not null && (type is null || !_handlers.Handles(type)))
        {
            MessagingMetrics.Consumed.WithLabels(message.Topic, envelope.Type, "ignored").Inc();
            return InboxOutcome.Ignored;
        }

        var messageId = envelope?.MessageId ?? IdOf(message);
        var key = ParkingLot.KeyOf(message, envelope);
        var (held, processed) = await _infrastructure.ExecuteAsync(
            async token => await _parking.ParkIfHeldAsync(message, messageId, key, envelope?.Type, token), cancellationToken);
        if (held)
        {
            MessagingMetrics.Parked.WithLabels(message.Topic, envelope?.Type ?? "unknown", "behind").Inc();
            MessagingMetrics.Consumed.WithLabels(message.Topic, envelope?.Type ?? "unknown", "parked").Inc();
            return InboxOutcome.Parked;
        }

        if (processed)
        {
            MessagingMetrics.Consumed.WithLabels(message.Topic, envelope!.Type, "duplicate").Inc();
            return InboxOutcome.Duplicate;
        }

        if (envelope is null)
        {
            return await DeadLetterAsync(message, messageId, key, null, $"Invalid envelope: {problem}.", 1, cancellationToken);
        }

        return await ApplyAsync(message, envelope, type!, key, parked: null, cancellationToken);
    }

    /// <summary>Tries a parked message again (its key's first): applied, parked again for later, or dead-lettered.</summary>
    public async Task<InboxOutcome> ReleaseAsync(ParkedMessage parked, CancellationToken cancellationToken)
    {
        var message = parked.Message ?? throw new ArgumentException("The parked message has no content.", nameof(parked));
        var envelope = EventEnvelope.FromHeaders(message.Headers, out var problem);
        if (envelope is null)
        {
            return await DeadLetterAsync(message, parked.MessageId, parked.Key, null, $"Invalid envelope: {problem}.", parked.Attempts + 1, cancellationToken);
        }

        var type = _types.Resolve(envelope.Type, envelope.SchemaVersion);
        if (type is null || !_handlers.Handles(type))
        {
            await _infrastructure.ExecuteAsync(async token => await DeleteParkedAsync(parked.MessageId, token), cancellationToken);
            return InboxOutcome.Ignored;
        }

        var outcome = await ApplyAsync(message, envelope, type, parked.Key, parked, cancellationToken);
        if (outcome is InboxOutcome.Applied or InboxOutcome.Duplicate)
        {
            MessagingMetrics.Released.WithLabels(message.Topic, envelope.Type).Inc();
        }

        return outcome;
    }

    /// <summary>A dead letter for a message without a usable envelope still gets a stable id, so a redelivery finds it.</summary>
    private static Guid IdOf(IncomingMessage message) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{message.Topic}/{message.Partition}/{message.Offset}")).AsSpan(0, 16));

    private async Task DeleteParkedAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"delete from {_tables.Parked} where message_id = @id");
        command.Parameters.AddWithValue("id", messageId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
