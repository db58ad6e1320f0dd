using CompensationFund.Api.Domain.Ledger;
using Marten;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// What every money-moving use case does with the ledger: check an entry against the rules and the chart, load an
/// entry's state, queue changes, and commit with the database's refusals turned into the fund's reasons.
/// </summary>
public sealed class FundLedger(LedgerWriter writer, AccountDirectory accounts, BalanceReader balances, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today's date in UTC: value dates default to it and may not pass it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public BalanceReader Balances => balances;

    /// <summary>
    /// The value date for something that happened on <paramref name="happenedOn"/> and reaches the ledger only now: that day,
    /// unless its period is already closed (then the first open day), never after today.
    /// </summary>
    public async Task<DateOnly> OpenValueDateAsync(DateOnly happenedOn, CancellationToken cancellationToken)
    {
        var date = happenedOn > Today ? Today : happenedOn;
        return await balances.ClosedThroughAsync(cancellationToken) is { } closed && date <= closed ? closed.AddDays(1) : date;
    }

    public async Task<EntryDraft> ValidateAsync(EntryDraft draft, CancellationToken cancellationToken)
    {
        draft.EnsureValid(Today);
        await accounts.RequireAsync(draft.Lines.Select(l => l.Account), draft.Header.Currency, cancellationToken);
        return draft;
    }

    public async Task<JournalEntry?> LoadAsync(IQuerySession session, Guid entryId, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(entryId, token: cancellationToken);
        return events.Count == 0 ? null : JournalEntry.Fold([.. events.Select(e => e.Data)]);
    }

    public async Task<JournalEntry> RequireAsync(IQuerySession session, Guid entryId, CancellationToken cancellationToken) =>
        await LoadAsync(session, entryId, cancellationToken) ?? throw new EntryNotFoundException(entryId);

    public void Record(IDocumentSession session, IReadOnlyList<LedgerChange> changes) => writer.Record(session, changes);

    public Task RecordNowAsync(IDocumentSession session, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken) =>
        writer.RecordNowAsync(session, changes, cancellationToken);

    /// <summary>Commits the session; a refusal by the database (limit, closed period, lost race) becomes a <see cref="FundRuleException"/>.</summary>
    public async Task CommitAsync(IDocumentSession session, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            var refusal = await LedgerFailures.TranslateAsync(ex, changes, balances, cancellationToken);
            if (refusal is null)
            {
                throw;
            }

            throw refusal;
        }
    }
}

/// <summary>No entry has this id: answered 404.</summary>
public sealed class EntryNotFoundException(Guid entryId) : Exception($"No journal entry {entryId}.")
{
    public Guid EntryId { get; } = entryId;
}
