using CompensationFund.Api.Domain.Accounts;
using Npgsql;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>An account's balance counters with its side and limit, as committed.</summary>
public sealed record LiveBalance(string Account, NormalSide Side, AccountBalance Balance, AccountLimit Limit);

/// <summary>
/// Reads balances: the live counters (committed, never lagging), or any account as of a past value date and, for
/// an audit of what the books said then, as recorded by a past moment (sums of the movement history).
/// </summary>
public sealed class BalanceReader(NpgsqlDataSource dataSource, LedgerSchema schema)
{
    public async Task<IReadOnlyDictionary<string, LiveBalance>> LiveAsync(IReadOnlyCollection<string>? accounts, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select account_id, normal_side, debits_posted, credits_posted, debits_pending, credits_pending, floor_fen, ceiling_fen
            from {schema.Balances} where $1::text[] is null or account_id = any($1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)accounts?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        var result = new Dictionary<string, LiveBalance>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            result[id] = new LiveBalance(
                id,
                reader.GetInt16(1) == 1 ? NormalSide.Debit : NormalSide.Credit,
                new AccountBalance(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)),
                new AccountLimit(reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7)));
        }

        return result;
    }

    /// <summary>The counters from every movement valued on or before <paramref name="valueDate"/> and, when given, recorded by <paramref name="recordedBy"/>.</summary>
    public async Task<AccountBalance> AsOfAsync(string account, DateOnly valueDate, DateTimeOffset? recordedBy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select coalesce(sum(debits_posted), 0)::bigint, coalesce(sum(credits_posted), 0)::bigint,
                   coalesce(sum(debits_pending), 0)::bigint, coalesce(sum(credits_pending), 0)::bigint
            from {schema.MovementTable}
            where account_id = $1 and value_date <= $2 and ($3::timestamptz is null or recorded_at <= $3)
            """);
        command.Parameters.AddWithValue(account);
        command.Parameters.AddWithValue(valueDate);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)recordedBy?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AccountBalance(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public async Task<DateOnly?> ClosedThroughAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select closed_through from {schema.State} where id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateOnly>(0) : null;
    }
}
