using CompensationFund.Api.Domain.Accounts;
using Npgsql;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>One movement of the history: which entry moved which counters of which account, valued and recorded when.</summary>
public sealed record MovementRow(long Position, string Account, Guid EntryId, DateOnly ValueDate, DateTimeOffset RecordedAt, AccountBalance Delta);

/// <summary>
/// Reads the movement history (one row per entry and account, written with the balances by <c>fund_apply_movements</c>):
/// the counters summed through a value date, for statements and the trial balance, and the movements of a date range.
/// Balances as of a date are sums of this history, so a back-dated entry counts on the day it belongs to.
/// </summary>
public sealed class MovementHistory(NpgsqlDataSource dataSource, LedgerSchema schema)
{
    /// <summary>
    /// The counters of <paramref name="accounts"/> (all when null) from every movement valued on or before <paramref name="through"/>
    /// and, when given, recorded by <paramref name="recordedBy"/> (what the books said then, for an audit). An account without
    /// movements is absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, AccountBalance>> SumsThroughAsync(
        string[]? accounts, DateOnly through, CancellationToken cancellationToken, DateTimeOffset? recordedBy = null)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select account_id, sum(debits_posted)::bigint, sum(credits_posted)::bigint, sum(debits_pending)::bigint, sum(credits_pending)::bigint
            from {schema.MovementTable} where ($1::text[] is null or account_id = any($1)) and value_date <= $2 and ($3::timestamptz is null or recorded_at <= $3)
            group by account_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)accounts ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(through);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)recordedBy?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var sums = new Dictionary<string, AccountBalance>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sums[reader.GetString(0)] = new AccountBalance(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return sums;
    }

    /// <summary>The movements of <paramref name="accounts"/> valued from <paramref name="from"/> to <paramref name="to"/>, by value date, then in recorded order.</summary>
    public async Task<IReadOnlyList<MovementRow>> MovementsAsync(string[] accounts, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select position, account_id, entry_id, value_date, recorded_at, debits_posted, credits_posted, debits_pending, credits_pending
            from {schema.MovementTable} where account_id = any($1) and value_date between $2 and $3 order by value_date, position
            """);
        command.Parameters.AddWithValue(accounts);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        var movements = new List<MovementRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            movements.Add(new MovementRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateTimeOffset>(4),
                new AccountBalance(reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8))));
        }

        return movements;
    }
}
