using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Infrastructure.Ledger;
using Npgsql;

namespace CompensationFund.Api.Features.Reports;

/// <summary>One movement of the history: which entry moved which counters of which account, valued and recorded when.</summary>
public sealed record MovementRow(long Position, string Account, Guid EntryId, DateOnly ValueDate, DateTimeOffset RecordedAt, AccountBalance Delta);

/// <summary>The opening counters of some accounts before a date and their movements in a date range, from the movement history.</summary>
public sealed record StatementRows(IReadOnlyDictionary<string, AccountBalance> Opening, IReadOnlyList<MovementRow> Movements)
{
    public static async Task<StatementRows> ReadAsync(
        NpgsqlDataSource dataSource, LedgerSchema schema, string[] accounts, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var opening = new Dictionary<string, AccountBalance>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(
            $"""
            select account_id, sum(debits_posted)::bigint, sum(credits_posted)::bigint, sum(debits_pending)::bigint, sum(credits_pending)::bigint
            from {schema.MovementTable} where account_id = any($1) and value_date < $2 group by account_id
            """))
        {
            command.Parameters.AddWithValue(accounts);
            command.Parameters.AddWithValue(from);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                opening[reader.GetString(0)] = new AccountBalance(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            }
        }

        var movements = new List<MovementRow>();
        await using (var command = dataSource.CreateCommand(
            $"""
            select position, account_id, entry_id, value_date, recorded_at, debits_posted, credits_posted, debits_pending, credits_pending
            from {schema.MovementTable} where account_id = any($1) and value_date between $2 and $3 order by value_date, position
            """))
        {
            command.Parameters.AddWithValue(accounts);
            command.Parameters.AddWithValue(from);
            command.Parameters.AddWithValue(to);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                movements.Add(new MovementRow(
                    reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateTimeOffset>(4),
                    new AccountBalance(reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8))));
            }
        }

        return new StatementRows(opening, movements);
    }
}
