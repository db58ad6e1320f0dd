using CompensationFund.Api.Infrastructure.Ledger;
using Npgsql;

namespace CompensationFund.Api.Infrastructure.History;

/// <summary>One stored state of a record: the database's position and time of writing it, and the record as JSON.</summary>
public sealed record StoredState(long Position, DateTimeOffset RecordedAt, string State);

/// <summary>Reads back what <see cref="HistoryListener"/> wrote: every state of one record, oldest first.</summary>
public sealed class HistoryReader(NpgsqlDataSource dataSource, LedgerSchema schema)
{
    public async Task<IReadOnlyList<StoredState>> ReadAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select position, recorded_at, state::text from {schema.HistoryTable} where kind = $1 and record_id = $2 order by position");
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        var states = new List<StoredState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(new StoredState(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2)));
        }

        return states;
    }
}
