using CompensationFund.Api.Domain.Ledger;
using Marten;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// What every money-moving use case does with the ledger: check an entry against the rules and the chart, load an
/// entry's state, queue changes, and commit with the database's refusals turned into the fund's reasons.
/// </summary>
public sealed class FundLedger(LedgerWriter writer, AccountDirectory accounts, BalanceReader balances, TimeProvider clock, Domain.Periods.LedgerCalendar calendar)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today in the ledger's time zone (<see cref="Domain.Periods.LedgerCalendar"/>): value dates default to it and may not pass it.</summary>
    public DateOnly Today => calendar.DateOf(clock.GetUtcNow());

    /// <summary>The ledger's day of an instant (when an event happened elsewhere).</summary>
    public DateOnly DateOf(DateTimeOffset instant) => calendar.DateOf(instant);

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

    /// <summary>
    /// Like <see cref="ValidateAsync"/> for an entry finance posts by hand: it may touch only accounts that take manual
    /// entries (<see cref="Domain.Accounts.LedgerAccountKinds.TakesManualEntries"/>).
    /// </summary>
    public async Task<EntryDraft> ValidateManualAsync(EntryDraft draft, CancellationToken cancellationToken)
    {
        draft.EnsureValid(Today);
        var chart = await accounts.RequireAsync(draft.Lines.Select(l => l.Account), draft.Header.Currency, cancellationToken);
        var governed = chart.Values.Where(a => !Domain.Accounts.LedgerAccountKinds.TakesManualEntries(a.Kind)).Select(a => $"'{a.Id}'").ToList();
        return governed.Count == 0
            ? draft
            : throw new FundRuleException(
                "Account changes only through its own operation",
                $"{string.Join(", ", governed)} carr(y|ies) a domain rule (settlement, compensation, contribution, penalty or earmark) and change(s) only through that operation, not by a manual entry.");
    }

    /// <summary>
    /// A domain entry (settlement, compensation, contribution, earmark, penalty) changes only through its own operation;
    /// the generic reversal and reservation endpoints act on manual entries only (separation of duties).
    /// </summary>
    /// <param name="instead">How the entry is changed instead, when there is a way (appended to the refusal).</param>
    public static void EnsureManual(JournalEntry entry, string action, string? instead = null)
    {
        if (entry.Header.Kind != EntryKinds.Manual)
        {
            throw new FundRuleException(
                "Domain entry",
                $"Entry {entry.Id} is a {entry.Header.Kind} entry; it cannot be {action} through the generic endpoint, only through its own operation, which enforces its rules"
                + (instead is null ? "." : $": {instead}"));
        }
    }

    public async Task<JournalEntry?> LoadAsync(IQuerySession session, Guid entryId, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(entryId, token: cancellationToken);
        return events.Count == 0 ? null : JournalEntry.Fold([.. events.Select(e => e.Data)]);
    }

    public async Task<JournalEntry> RequireAsync(IQuerySession session, Guid entryId, CancellationToken cancellationToken) =>
        await LoadAsync(session, entryId, cancellationToken) ?? throw new EntryNotFoundException(entryId);

    public void Record(IDocumentSession session, IReadOnlyList<LedgerChange> changes) => writer.Record(session, changes);

    public void RecordNewTogether(IDocumentSession session, IReadOnlyList<LedgerChange> changes) => writer.RecordNewTogether(session, changes);

    public void SetLimits(IDocumentSession session, string accountId, Domain.Accounts.AccountLimit limit) => writer.SetLimits(session, accountId, limit);

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

/// <summary>No record has this id (or it is another city's): answered 404 on every verb (architecture.md §5).</summary>
public class RecordNotFoundException(string detail) : Exception(detail);

/// <summary>No entry has this id: answered 404.</summary>
public sealed class EntryNotFoundException(Guid entryId) : RecordNotFoundException($"No journal entry {entryId}.")
{
    public Guid EntryId { get; } = entryId;
}
