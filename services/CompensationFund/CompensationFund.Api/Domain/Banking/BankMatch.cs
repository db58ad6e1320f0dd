namespace CompensationFund.Api.Domain.Banking;

public enum BankLineStatus
{
    /// <summary>Applied in full to what the payer owed, or found already posted under its reference.</summary>
    Matched,

    /// <summary>Applied, and what it was applied to is still not fully paid.</summary>
    Partial,

    /// <summary>Applied, with money left over held as unapplied receipts.</summary>
    Over,

    /// <summary>Neither the reference nor the payer identifies a member: listed for finance, not posted.</summary>
    Unmatched,

    /// <summary>Money going out: recorded by the disbursement that caused it, listed here for the reconciliation.</summary>
    Outgoing,

    /// <summary>Imported and posted before (same bank reference): nothing posted again.</summary>
    Duplicate,

    /// <summary>The transfer names another member's code than the paying member's, or its reference was posted with another amount: nothing posted.</summary>
    Conflicting,
}

/// <summary>
/// Who a bank line is from and what it pays, as far as the statement tells. <see cref="ConflictingPayer"/> is the member
/// that paid when the code on the transfer is another member's.
/// </summary>
public sealed record BankLineTarget(string CityId, string? ObligationCode, Guid? SettlementAllocationId, string? ConflictingPayer = null);

/// <summary>
/// Identifies the payer of an incoming bank line: by the code on the transfer first (an obligation code such as
/// <c>CC-2026-hangzhou</c>, or <c>ST-{allocation id}</c> for a settlement), then by the payer's name or id; otherwise
/// the line is unmatched and listed, never guessed. A member paying another member's code is a conflict, never a
/// credit to the code's owner: the fund cannot know whose debt the money was meant to settle.
/// </summary>
public static class BankMatch
{
    public const string SettlementPrefix = "ST-";

    public static BankLineTarget? Identify(BankLine line, Func<string, string?> cityOfObligationCode, Func<string, string?> cityOfPayer)
    {
        var payer = cityOfPayer(line.Payer);
        foreach (var token in line.Reference.Split([' ', ',', ';', '/', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (cityOfObligationCode(token) is { } owner)
            {
                return new BankLineTarget(owner, token, null, payer is not null && payer != owner ? payer : null);
            }

            if (token.StartsWith(SettlementPrefix, StringComparison.Ordinal) && Guid.TryParse(token[SettlementPrefix.Length..], out var allocation)
                && payer is not null)
            {
                return new BankLineTarget(payer, null, allocation);
            }
        }

        return payer is { } city ? new BankLineTarget(city, null, null) : null;
    }

    /// <summary>
    /// Whether an entry already posted under the line's bank reference records this line: its net on the bank account
    /// is the line's amount (in positive, out negative).
    /// </summary>
    public static bool Records(Ledger.JournalEntry entry, long amount) =>
        entry.PostedLines.Where(l => l.Account == Accounts.FundAccounts.Bank).Sum(l => l.Side == Ledger.LineSide.Debit ? l.Amount : -l.Amount) == amount;
}
