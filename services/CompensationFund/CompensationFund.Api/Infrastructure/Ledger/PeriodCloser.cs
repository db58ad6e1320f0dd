using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Periods;
using Marten;
using Npgsql;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// Closes a period in the session's transaction: takes the period lock exclusively (waiting for postings in flight
/// and holding new ones back), posts the closing entry, snapshots every balance as of the last day, moves
/// <c>closed_through</c> and appends <see cref="PeriodClosed"/>. The caller commits.
/// </summary>
/// <remarks>
/// The balances as of the last day start from the previous close's snapshot (<see cref="Reports.LedgerSnapshots"/>):
/// only the movements valued after its last day are summed (through the account/value-date index), so a close reads the
/// month it closes, not the ledger's whole history. The close records its own snapshot for the next one and for the
/// reconciliation's rebuild.
/// </remarks>
public sealed class PeriodCloser(FundLedger ledger, LedgerSchema schema, PeriodRoots roots, Reports.LedgerSnapshots snapshots)
{
    public async Task<(PeriodClosed Closed, IReadOnlyList<LedgerChange> Changes)> CloseAsync(
        IDocumentSession session, AccountingPeriod period, string closedBy, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        var connection = session.Connection ?? throw new InvalidOperationException("The session has no open connection.");
        await ExecuteAsync(connection, $"select pg_advisory_xact_lock({LedgerSchema.PeriodLockKey})", cancellationToken);
        PeriodClosing.EnsureMayClose(period, await ClosedThroughAsync(connection, cancellationToken), ledger.Today);

        var nominal = await session.Query<LedgerAccount>()
            .Where(a => a.Kind == LedgerAccountKind.Income || a.Kind == LedgerAccountKind.Expense)
            .ToListAsync(cancellationToken);
        var asOf = await SnapshotAsync(connection, period.LastDay, cancellationToken);
        var balances = nominal.Select(a => new NominalBalance(
            a.Id, a.Kind, asOf.TryGetValue(a.Id, out var b) ? new AccountBalance(b.DebitsPosted, b.CreditsPosted, 0, 0).Posted(a.NormalSide) : 0)).ToList();

        IReadOnlyList<LedgerChange> changes = [];
        var closing = ClosingEntry.For(period, balances, closedBy);
        if (closing is not null)
        {
            changes = [LedgerChange.New(closing.Post(ClosingEntry.EntryIdFor(period), ledger.Now))];
            try
            {
                await ledger.RecordNowAsync(session, changes, cancellationToken);
            }
            catch (PostgresException ex)
            {
                var refusal = await LedgerFailures.TranslateAsync(ex, changes, ledger.Balances, cancellationToken);
                if (refusal is null)
                {
                    throw;
                }

                throw refusal;
            }

            asOf = await SnapshotAsync(connection, period.LastDay, cancellationToken);
        }

        await ExecuteAsync(
            connection,
            $"insert into {schema.State} (id, closed_through) values (1, '{period.LastDay:yyyy-MM-dd}') on conflict (id) do update set closed_through = excluded.closed_through",
            cancellationToken);
        await roots.PublishAsync(connection, period, ledger.Now, cancellationToken);
        await snapshots.RecordCloseAsync(connection, period, asOf, cancellationToken);
        var closed = new PeriodClosed(
            period.ToString(), period.LastDay, changes.Count > 0 ? changes[0].Stream : null,
            [.. asOf.Values.OrderBy(b => b.Account, StringComparer.Ordinal)], closedBy, ledger.Now);
        session.Events.Append(PeriodClosed.Stream, closed);
        return (closed, changes);
    }

    private async Task<Dictionary<string, ClosingBalance>> SnapshotAsync(NpgsqlConnection connection, DateOnly through, CancellationToken cancellationToken)
    {
        var previous = await snapshots.LatestClosingAsync(connection, cancellationToken);
        var result = new Dictionary<string, ClosingBalance>(StringComparer.Ordinal);
        foreach (var (account, b) in previous?.Balances ?? new Dictionary<string, AccountBalance>())
        {
            result[account] = new ClosingBalance(account, b.DebitsPosted, b.CreditsPosted, b.DebitsPending, b.CreditsPending);
        }

        await using var command = new NpgsqlCommand(
            $"""
            select account_id, sum(debits_posted)::bigint, sum(credits_posted)::bigint, sum(debits_pending)::bigint, sum(credits_pending)::bigint
            from {schema.MovementTable}
            where value_date <= $1 and ($2::date is null or (account_id = any(array(select account_id from {schema.Balances})) and value_date > $2))
            group by account_id
            """,
            connection);
        command.Parameters.AddWithValue(through);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)previous?.LastDay ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var account = reader.GetString(0);
            var earlier = result.GetValueOrDefault(account) ?? new ClosingBalance(account, 0, 0, 0, 0);
            result[account] = new ClosingBalance(
                account, earlier.DebitsPosted + reader.GetInt64(1), earlier.CreditsPosted + reader.GetInt64(2),
                earlier.DebitsPending + reader.GetInt64(3), earlier.CreditsPending + reader.GetInt64(4));
        }

        return result;
    }

    private async Task<DateOnly?> ClosedThroughAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select closed_through from {schema.State} where id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateOnly>(0) : null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
