using CompensationFund.Api.Domain.Accounts;
using Npgsql;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>An account's balance counters with its side and limit, as committed.</summary>
public sealed record LiveBalance(string Account, NormalSide Side, AccountBalance Balance, AccountLimit Limit);

/// <summary>
/// Reads balances: the live counters (committed, never lagging) and how far the books are closed. Balances as of a past
/// value date are sums of the movement history (<see cref="MovementHistory"/>).
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

    /// <summary>The posted balances on their normal sides summed by account kind (the metrics' gauges).</summary>
    public async Task<IReadOnlyList<(LedgerAccountKind Kind, long Posted)>> PostedByKindAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select a.data ->> 'kind', sum(case when b.normal_side = 1 then b.debits_posted - b.credits_posted else b.credits_posted - b.debits_posted end)::bigint
            from {schema.Balances} b join {schema.Schema}.mt_doc_ledgeraccount a on a.id = b.account_id group by 1
            """);
        var sums = new List<(LedgerAccountKind, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<LedgerAccountKind>(reader.GetString(0), out var kind))
            {
                sums.Add((kind, reader.GetInt64(1)));
            }
        }

        return sums;
    }

    public async Task<DateOnly?> ClosedThroughAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select closed_through from {schema.State} where id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateOnly>(0) : null;
    }
}
