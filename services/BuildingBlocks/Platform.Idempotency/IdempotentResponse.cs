using Marten;
using Microsoft.AspNetCore.Http;

namespace Platform.Idempotency;

/// <summary>The answer to an idempotent request, and the record of it to commit with its change.</summary>
public sealed class IdempotentResponse
{
    private readonly StoredResponse? _stored;

    internal IdempotentResponse(IResult result, StoredResponse? stored)
    {
        Result = result;
        _stored = stored;
    }

    public IResult Result { get; }

    /// <summary>Queues the stored response into <paramref name="session"/>; nothing when the request carried no key.</summary>
    public void RecordIn(IDocumentSession session) => RecordAllIn(session, [this]);

    /// <summary>
    /// Queues the stored responses of requests whose changes commit together (the fund's group commit) into
    /// <paramref name="session"/>, as one multi-row insert: one statement for the group rather than one per request.
    /// </summary>
    public static void RecordAllIn(IDocumentSession session, IEnumerable<IdempotentResponse> responses)
    {
        foreach (var table in responses.Select(r => r._stored).OfType<StoredResponse>().GroupBy(s => s.Table))
        {
            var rows = table.ToList();
            session.QueueSqlCommand(
                $"insert into {table.Key} (caller, idempotency_key, request_hash, status_code, location, response_body) select * from unnest(?, ?, ?, ?, ?, ?)",
                rows.Select(r => r.Pending.Caller).ToArray(),
                rows.Select(r => r.Pending.Key).ToArray(),
                rows.Select(r => r.Pending.Hash).ToArray(),
                rows.Select(r => r.StatusCode).ToArray(),
                rows.Select(r => r.Location).ToArray(),
                rows.Select(r => r.Body).ToArray());
            rows.ForEach(r => r.Pending.Recorded = true);
        }
    }
}

/// <summary>The row an idempotent request's response is recorded as, in <paramref name="Table"/>.</summary>
internal sealed record StoredResponse(string Table, IdempotencyKeys.PendingRequest Pending, int StatusCode, string? Location, string Body);
