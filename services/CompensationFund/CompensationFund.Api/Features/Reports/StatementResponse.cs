using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Features.Reports;

/// <summary>Why a posting happened, as the entry recorded it.</summary>
public sealed record PostingReason(
    string Kind, string Description, string Source, string? Rule, int? RuleVersion, string? EventType, string? EventId, IReadOnlyDictionary<string, string>? Inputs,
    IReadOnlyList<Approval>? Approvals, string? RequestedBy, string? Reference, Guid? Reverses, Guid? ReversedBy);

/// <summary>One line of a statement: the posted amount on each side (a reservation's hold shows as pending) and the balance after it.</summary>
public sealed record StatementLine(
    DateOnly ValueDate, DateTimeOffset RecordedAt, Guid EntryId, decimal Debit, decimal Credit, decimal PendingDebit, decimal PendingCredit, decimal Balance, PostingReason Why);

public sealed record AccountStatement(string Account, string Kind, string NormalSide, decimal OpeningBalance, IReadOnlyList<StatementLine> Lines, decimal ClosingBalance);

public sealed record StatementResponse(string CityId, DateOnly From, DateOnly To, IReadOnlyList<AccountStatement> Accounts)
{
    public static StatementResponse Build(
        string cityId, DateOnly from, DateOnly to, IEnumerable<LedgerAccount> accounts, StatementRows rows, IReadOnlyDictionary<Guid, JournalEntry> entries) =>
        new(cityId, from, to, [.. accounts.Select(a => ForAccount(a, rows, entries, cityId))]);

    /// <summary>
    /// A statement shows its city's own amounts only (privacy between cities): an input listing every city's
    /// figure (<c>weights</c> of a contribution call, <c>netPositionChanges</c> of a corrected allocation — "cityId amount"
    /// pairs separated by "; ") keeps the city's own pair.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? OwnInputs(IReadOnlyDictionary<string, string>? inputs, string cityId) =>
        inputs?.ToDictionary(i => i.Key, i => IsPerCity(i.Value) ? string.Join("; ", i.Value.Split("; ").Where(p => p.StartsWith(cityId + " ", StringComparison.Ordinal))) : i.Value);

    private static bool IsPerCity(string value) =>
        value.Split("; ") is { Length: > 0 } pairs && pairs.All(p => p.Split(' ') is [_, var amount] && decimal.TryParse(amount, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _));

    private static AccountStatement ForAccount(LedgerAccount account, StatementRows rows, IReadOnlyDictionary<Guid, JournalEntry> entries, string cityId)
    {
        var balance = rows.Opening.GetValueOrDefault(account.Id, AccountBalance.Zero);
        var opening = balance.Posted(account.NormalSide);
        var lines = new List<StatementLine>();
        foreach (var m in rows.Movements.Where(m => m.Account == account.Id))
        {
            balance = balance.Apply(new Movement(m.Account, m.Delta.DebitsPosted, m.Delta.CreditsPosted, m.Delta.DebitsPending, m.Delta.CreditsPending));
            lines.Add(new StatementLine(
                m.ValueDate, m.RecordedAt, m.EntryId, Fen.ToYuan(m.Delta.DebitsPosted), Fen.ToYuan(m.Delta.CreditsPosted), Fen.ToYuan(m.Delta.DebitsPending),
                Fen.ToYuan(m.Delta.CreditsPending), Fen.ToYuan(balance.Posted(account.NormalSide)), Reason(entries.GetValueOrDefault(m.EntryId), cityId)));
        }

        return new AccountStatement(
            account.Id, account.Kind.Slug(), SideNames.Of(account.NormalSide), Fen.ToYuan(opening), lines, Fen.ToYuan(balance.Posted(account.NormalSide)));
    }

    private static PostingReason Reason(JournalEntry? e, string cityId) => e is null
        ? new PostingReason("unknown", "entry not found", "unknown", null, null, null, null, null, null, null, null, null, null)
        : new PostingReason(
            e.Header.Kind, e.Header.Description, e.Header.Source.Kind, e.Header.Source.Rule, e.Header.Source.RuleVersion, e.Header.Source.EventType, e.Header.Source.EventId,
            OwnInputs(e.Header.Source.Inputs, cityId), e.Header.Source.Approvals, e.Header.Source.RequestedBy, e.Header.Reference, e.Header.Reverses, e.ReversedBy);
}
