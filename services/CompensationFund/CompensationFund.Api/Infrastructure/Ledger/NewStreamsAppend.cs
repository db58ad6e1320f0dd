using System.Collections.Concurrent;
using Marten;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// Starts many entry streams, each with its one event, in two statements: one multi-row insert into Marten's
/// <c>mt_streams</c> and one into <c>mt_events</c>, where Marten sends two per stream. The group commit writes a group
/// of single-entry postings this way (docs/compensation-fund.md §12, "Group append").
/// </summary>
/// <remarks>
/// Implementation note: the rows are the ones Marten's quick append writes for <c>StartStream(id, event)</c>, so Marten
/// reads them back like its own: the event type's name and .NET type name from Marten's mapping, the body from Marten's
/// serializer, <c>seq_id</c> from Marten's sequence in the group's order, version 1, the session's tenant, and the time of
/// the append. <c>NewStreamsAppendTests</c> compares them column by column with rows Marten wrote. Only for streams that
/// do not exist: an existing one fails the statement on <c>mt_streams</c>' primary key, and the group commit then commits
/// its postings one at a time through Marten, which reports the collision as it always does.
/// </remarks>
public sealed class NewStreamsAppend(IDocumentStore store, LedgerSchema schema, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Type, (string Name, string DotNetName)> _types = new();

    public void Queue(IDocumentSession session, IReadOnlyList<LedgerChange> changes)
    {
        var streams = new Guid[changes.Count];
        var eventIds = new Guid[changes.Count];
        var names = new string[changes.Count];
        var dotNetNames = new string[changes.Count];
        var bodies = new string[changes.Count];
        var serializer = store.Options.Serializer();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.ExpectedVersion is not null)
            {
                throw new ArgumentException($"Stream {change.Stream} exists already; only new streams are appended together.", nameof(changes));
            }

            streams[i] = change.Stream;
            eventIds[i] = Guid.CreateVersion7();
            (names[i], dotNetNames[i]) = _types.GetOrAdd(change.Event.GetType(), TypeNames);
            bodies[i] = serializer.ToJson(change.Event);
        }

        session.QueueSqlCommand(
            $"insert into {schema.Schema}.mt_streams (id, type, version, tenant_id) select id, null, 1, ? from unnest(?) as s(id)",
            session.TenantId, streams);
        session.QueueSqlCommand(
            $"""
             insert into {schema.Schema}.mt_events (data, type, mt_dotnet_type, id, stream_id, version, timestamp, tenant_id, seq_id)
             select body::jsonb, name, dotnet_name, id, stream_id, 1, ?, ?, nextval('{schema.Schema}.mt_events_sequence')
             from unnest(?, ?, ?, ?, ?) as e(body, name, dotnet_name, id, stream_id)
             """,
            clock.GetUtcNow(), session.TenantId, bodies, names, dotNetNames, eventIds, streams);
    }

    private (string, string) TypeNames(Type type)
    {
        var mapping = store.Options.Events.AllKnownEventTypes().Single(t => t.EventType == type);
        return (mapping.EventTypeName, mapping.DotNetTypeName);
    }
}
