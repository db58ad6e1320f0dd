namespace CompensationFund.Api.Domain.Banking;

public enum BankLineStatus
{
    /// <summary>Applied in full to what the payer owed.</summary>
    Matched,

    /// <summary>Applied, and what it was applied to is still not fully paid.</summary>
    Partial,

    /// <summary>Applied, with money left over held as unapplied receipts.</summary>
    Over,

    /// <summary>Neither the reference nor the payer identifies a member: listed for finance, not posted.</summary>
    Unmatched,

    /// <summary>Money going out: recorded by the disbursement that caused it, listed here for the reconciliation.</summary>
    Outgoing,

    /// <summary>Imported before (same bank reference): nothing posted again.</summary>
    Duplicate,
}

/// <summary>Who a bank line is from and what it pays, as far as the statement tells.</summary>
public sealed record BankLineTarget(string CityId, string? ObligationCode, Guid? SettlementAllocationId);

/// <summary>
/// Identifies the payer of an incoming bank line: by the code on the transfer first (an obligation code such as
/// <c>CC-2026-hangzhou</c>, or <c>ST-{allocation id}</c> for a settlement), then by the payer's name or id; otherwise
/// the line is unmatched and listed, never guessed.
/// </summary>
public static class BankMatch
{
    public const string SettlementPrefix = "ST-";

    public static BankLineTarget? Identify(BankLine line, Func<string, string?> cityOfObligationCode, Func<string, string?> cityOfPayer)
    {
        foreach (var token in line.Reference.Split([' ', ',', ';', '/', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (cityOfObligationCode(token) is { } owner)
            {
                return new BankLineTarget(owner, token, null);
            }

            if (token.StartsWith(SettlementPrefix, StringComparison.Ordinal) && Guid.TryParse(token[SettlementPrefix.Length..], out var allocation)
                && cityOfPayer(line.Payer) is { } payer)
            {
                return new BankLineTarget(payer, null, allocation);
            }
        }

        return cityOfPayer(line.Payer) is { } city ? new BankLineTarget(city, null, null) : null;
    }
}
