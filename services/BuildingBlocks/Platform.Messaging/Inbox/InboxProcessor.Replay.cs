using System.Text.Json;
using Platform.Messaging.Envelope;

namespace Platform.Messaging.Inbox;

/// <summary>The coordinator's replay of a dead letter: applied through the same idempotent path, or refused with the reason.</summary>
public sealed partial class InboxProcessor
{
    /// <summary>
    /// Applies a dead letter again. On success it leaves the park in the same transaction, which releases its key; a
    /// failure (or "not ready yet") goes back to the operator as an <see cref="InvalidOperationException"/> and the
    /// dead letter keeps holding its key.
    /// </summary>
    private async Task<InboxOutcome> ReplayAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var envelope = EventEnvelope.FromHeaders(message.Headers, out var problem)
            ?? throw new InvalidOperationException($"Invalid envelope: {problem}.");
        var type = _types.Resolve(envelope.Type, envelope.SchemaVersion);
        if (type is null || !_handlers.Handles(type))
        {
            return InboxOutcome.Ignored;
        }

        object? @event;
        try
        {
            @event = JsonSerializer.Deserialize(message.Payload, type, EventTypeRegistry.JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Payload is not a valid {envelope.Type} v{envelope.SchemaVersion}: {ex.Message}", ex);
        }

        if (@event is null)
        {
            throw new InvalidOperationException("Payload is null.");
        }

        var parked = await _parking.FindAsync(envelope.MessageId, cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(async token => await ApplyOnceAsync(message, envelope, @event, parked, token), cancellationToken);
        }
        catch (Exception ex) when (RetryPipelines.NotReady(ex) is { } notReady)
        {
            throw new InvalidOperationException($"Not ready yet: {notReady.Reason}", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
