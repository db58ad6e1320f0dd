using CompensationFund.Api.Domain.Ledger;
using Marten;
using Platform.Persistence;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// Queues a unit of work's ledger changes into a Marten session: the events on their entry streams and one call of
/// <c>fund_apply_movements</c> for all their movements, so the events, the balances and the history commit
/// together, in one round trip, with whatever else the session holds (idempotency record, outbox, inbox).
/// </summary>
/// <remarks>
/// Implementation note: exactly one call per transaction. Two calls would lock their accounts in two sorted
/// runs, and two transactions doing that could deadlock; one call keeps the global lock order.
/// </remarks>
public sealed class LedgerWriter(LedgerSchema schema, NewStreamsAppend together)
{
    public void Record(IDocumentSession session, IReadOnlyList<LedgerChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.ExpectedVersion is { } version)
            {
                session.Events.Append(change.Stream, version, change.Event);
            }
            else
            {
                session.Events.StartStream(change.Stream, change.Event);
            }
        }

        QueueMovements(session, changes);
    }

    /// <summary>
    /// Like <see cref="Record"/> for new entries only, with their streams started in two statements for all of them
    /// (<see cref="NewStreamsAppend"/>) instead of two per entry: what the group commit writes a group with.
    /// </summary>
    public void RecordNewTogether(IDocumentSession session, IReadOnlyList<LedgerChange> changes)
    {
        together.Queue(session, changes);
        QueueMovements(session, changes);
    }

    /// <summary>
    /// Queues new limits of an account; the database refuses them at commit when the balance, counting reservations,
    /// already lies outside (<see cref="LedgerErrorCodes.LimitAlreadyBroken"/>).
    /// </summary>
    public void SetLimits(IDocumentSession session, string accountId, Domain.Accounts.AccountLimit limit) =>
        session.QueueSelect($"select {schema.SetLimits}(?, ?, ?)", accountId, (object?)limit.Floor ?? DBNull.Value, (object?)limit.Ceiling ?? DBNull.Value);

    /// <summary>
    /// Like <see cref="Record"/> for new entries only, but applies their movements at once on the session's open
    /// transaction, for a unit of work that must see them before it goes on (a period close snapshots the balances after
    /// its closing entry).
    /// </summary>
    public async Task RecordNowAsync(IDocumentSession session, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            session.Events.StartStream(change.Stream, change.Event);
        }

        var rows = MovementRows.Of(changes);
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = new Npgsql.NpgsqlCommand($"select {schema.ApplyMovements(rows.Count)}($1, $2, $3, $4, $5, $6, $7, $8)", session.Connection);
        foreach (var value in rows.Parameters())
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void QueueMovements(IDocumentSession session, IReadOnlyList<LedgerChange> changes)
    {
        var rows = MovementRows.Of(changes);
        if (rows.Count > 0)
        {
            session.QueueSelect($"select {schema.ApplyMovements(rows.Count)}(?, ?, ?, ?, ?, ?, ?, ?)", rows.Parameters());
        }
    }

    private sealed class MovementRows
    {
        public List<Guid> EntryIds { get; } = [];

        public List<DateOnly> ValueDates { get; } = [];

        public List<DateTimeOffset> RecordedAt { get; } = [];

        public List<string> Accounts { get; } = [];

        public List<long> DebitsPosted { get; } = [];

        public List<long> CreditsPosted { get; } = [];

        public List<long> DebitsPending { get; } = [];

        public List<long> CreditsPending { get; } = [];

        public int Count => Accounts.Count;

        /// <summary>The movements of those of <paramref name="changes"/> that move money, in order.</summary>
        public static MovementRows Of(IEnumerable<LedgerChange> changes)
        {
            var rows = new MovementRows();
            foreach (var moving in changes.Select(c => c.Event).OfType<ILedgerEvent>())
            {
                rows.Add(moving);
            }

            return rows;
        }

        public object[] Parameters() =>
        [
            EntryIds.ToArray(), ValueDates.ToArray(), RecordedAt.ToArray(), Accounts.ToArray(),
            DebitsPosted.ToArray(), CreditsPosted.ToArray(), DebitsPending.ToArray(), CreditsPending.ToArray(),
        ];

        public void Add(ILedgerEvent e)
        {
            foreach (var m in Movements.Of(e))
            {
                EntryIds.Add(e.EntryId);
                ValueDates.Add(e.ValueDate);
                RecordedAt.Add(e.RecordedAt.ToUniversalTime());
                Accounts.Add(m.Account);
                DebitsPosted.Add(m.DebitsPosted);
                CreditsPosted.Add(m.CreditsPosted);
                DebitsPending.Add(m.DebitsPending);
                CreditsPending.Add(m.CreditsPending);
            }
        }
    }
}
