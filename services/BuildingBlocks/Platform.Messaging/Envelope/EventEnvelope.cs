using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace Platform.Messaging.Envelope;

/// <summary>
/// The metadata every message carries as Kafka headers (architecture.md §3); the body is the JSON of
/// the versioned contract record.
/// </summary>
public sealed record EventEnvelope(
    Guid MessageId,
    string Type,
    int SchemaVersion,
    string AggregateId,
    DateTimeOffset OccurredAt,
    string CorrelationId,
    string? CausationId,
    string? TraceParent,
    string? TraceState)
{
    public Headers ToHeaders()
    {
        var headers = new Headers();
        Add(headers, HeaderNames.MessageId, MessageId.ToString());
        Add(headers, HeaderNames.Type, Type);
        Add(headers, HeaderNames.SchemaVersion, SchemaVersion.ToString(CultureInfo.InvariantCulture));
        Add(headers, HeaderNames.AggregateId, AggregateId);
        Add(headers, HeaderNames.OccurredAt, OccurredAt.ToString("O", CultureInfo.InvariantCulture));
        Add(headers, HeaderNames.CorrelationId, CorrelationId);
        Add(headers, HeaderNames.CausationId, CausationId);
        Add(headers, HeaderNames.TraceParent, TraceParent);
        Add(headers, HeaderNames.TraceState, TraceState);
        Add(headers, HeaderNames.ContentType, "application/json");
        return headers;
    }

    /// <summary>Reads the envelope; null with a reason when a required header is missing or malformed.</summary>
    public static EventEnvelope? FromHeaders(Headers? headers, out string? problem)
    {
        problem = null;
        string? Get(string name) =>
            headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

        if (!Guid.TryParse(Get(HeaderNames.MessageId), out var id))
        {
            problem = $"header '{HeaderNames.MessageId}' is missing or not a UUID";
        }
        else if (string.IsNullOrEmpty(Get(HeaderNames.Type)))
        {
            problem = $"header '{HeaderNames.Type}' is missing";
        }
        else if (!int.TryParse(Get(HeaderNames.SchemaVersion), CultureInfo.InvariantCulture, out _))
        {
            problem = $"header '{HeaderNames.SchemaVersion}' is missing or not a number";
        }
        else if (!DateTimeOffset.TryParse(Get(HeaderNames.OccurredAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            problem = $"header '{HeaderNames.OccurredAt}' is missing or not an ISO 8601 time";
        }

        if (problem is not null)
        {
            return null;
        }

        return new EventEnvelope(
            id,
            Get(HeaderNames.Type)!,
            int.Parse(Get(HeaderNames.SchemaVersion)!, CultureInfo.InvariantCulture),
            Get(HeaderNames.AggregateId) ?? string.Empty,
            DateTimeOffset.Parse(Get(HeaderNames.OccurredAt)!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Get(HeaderNames.CorrelationId) ?? id.ToString("N"),
            Get(HeaderNames.CausationId),
            Get(HeaderNames.TraceParent),
            Get(HeaderNames.TraceState));
    }

    private static void Add(Headers headers, string name, string? value)
    {
        if (value is not null)
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }
    }
}

public static class HeaderNames
{
    public const string MessageId = "message-id";
    public const string Type = "message-type";
    public const string SchemaVersion = "schema-version";
    public const string AggregateId = "aggregate-id";
    public const string OccurredAt = "occurred-at";
    public const string CorrelationId = "correlation-id";
    public const string CausationId = "causation-id";
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
    public const string ContentType = "content-type";
    public const string DeadLetterReason = "dead-letter-reason";
    public const string DeadLetterSource = "dead-letter-source";
}
