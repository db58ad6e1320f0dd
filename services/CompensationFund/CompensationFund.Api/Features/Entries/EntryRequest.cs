using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Entries;

/// <summary>One line as sent: an account, <c>debit</c> or <c>credit</c>, and an amount in yuan exact to the fen.</summary>
public sealed record LineRequest(string? Account, string? Side, decimal? Amount);

/// <summary>
/// A journal entry as sent. <c>valueDate</c> defaults to today (UTC); <c>currency</c> to CNY; <c>reference</c>, when
/// given, must be unique in the ledger (a second entry with it is refused).
/// </summary>
public sealed record EntryRequest(string? Currency, DateOnly? ValueDate, string? Description, string? Reference, IReadOnlyList<LineRequest>? Lines)
{
    public const int MaxReferenceLength = 200;

    /// <summary>
    /// The entry as a draft, or null with the field errors in <paramref name="validation"/> (bad input is a 400; whether
    /// the entry balances is the ledger's rule, a 422).
    /// </summary>
    public EntryDraft? ToDraft(string kind, DateOnly today, EntrySource source, RequestValidation validation, string prefix = "")
    {
        validation.RequireText(Description, $"{prefix}description", EntryDraft.MaxDescriptionLength);
        validation.RequirePlain(Reference, $"{prefix}reference", required: false, MaxReferenceLength);
        validation.Require(Lines is { Count: > 0 }, $"{prefix}lines", "'lines' is required.");
        var lines = new List<JournalLine>();
        for (var i = 0; i < (Lines?.Count ?? 0); i++)
        {
            var line = Lines![i];
            var field = $"{prefix}lines[{i}]";
            validation.RequirePlain(line.Account, $"{field}.account");
            var side = SideNames.Parse(line.Side);
            validation.Require(side is not null, $"{field}.side", "'side' is 'debit' or 'credit'.");
            var amount = 0L;
            validation.Require(line.Amount is { } yuan && Fen.TryFromYuan(yuan, out amount), $"{field}.amount", "'amount' is a number of yuan exact to the fen (two decimals at most).");
            if (side is { } s && line.Account is { Length: > 0 } account)
            {
                lines.Add(new JournalLine(account, s, amount));
            }
        }

        if (!validation.IsValid)
        {
            return null;
        }

        var header = new EntryHeader(kind, Currency ?? LedgerAccount.DefaultCurrency, Description!, source, Reference);
        return new EntryDraft(header, ValueDate ?? today, lines);
    }

    /// <summary>A referenced entry's id is derived from its reference, so the same reference can never post twice.</summary>
    public Guid NewEntryId() => Reference is null ? EntryIds.New() : EntryIds.ForReference("manual:" + Reference);
}
