namespace CompensationFund.Api.Domain.Banking;

/// <summary>Where a bank line stands now, as finance lists and works through them.</summary>
public enum BankLineState
{
    /// <summary>Something in the ledger records this money: posted by the import, by hand, or earlier by another operation.</summary>
    Matched,

    /// <summary>Identifies no member: kept, nothing posted, waiting to be matched by hand.</summary>
    Unmatched,

    /// <summary>The code on the transfer is another member's than the payer's: nothing posted until finance decides.</summary>
    Conflicting,

    /// <summary>Money out that no payout under this reference records yet.</summary>
    Outgoing,
}

/// <summary>
/// The current state of one bank transaction, one record per bank reference across every import. An import (or a
/// hand match) moves it forward; only a line whose money was posted (or was found posted) is used up, so an unmatched
/// or conflicting line imported again is looked at again instead of counting as a duplicate.
/// </summary>
public sealed class BankLineRecord
{
    public Guid Id { get; set; }

    public string BankReference { get; set; } = string.Empty;

    public DateOnly Date { get; set; }

    public long Amount { get; set; }

    public string Payer { get; set; } = string.Empty;

    public string Reference { get; set; } = string.Empty;

    public BankLineState State { get; set; }

    public string? CityId { get; set; }

    public Guid? EntryId { get; set; }

    public string Detail { get; set; } = string.Empty;

    public Guid ImportId { get; set; }

    public int LineNumber { get; set; }

    public string? MatchedBy { get; set; }

    public DateTimeOffset? MatchedAt { get; set; }

    public bool IsUsedUp => State == BankLineState.Matched;

    /// <summary>The record's id: name-based on the bank reference, so every import of a transaction finds the same record.</summary>
    public static Guid IdFor(string bankReference) => Ledger.EntryIds.ForReference("bank-line:" + bankReference);

    public static BankLineRecord Of(BankLine line, Guid importId) => new()
    {
        Id = IdFor(line.BankReference), BankReference = line.BankReference, Date = line.Date, Amount = line.Amount, Payer = line.Payer,
        Reference = line.Reference, ImportId = importId, LineNumber = line.LineNumber,
    };

    public static BankLineState StateOf(BankLineStatus status) => status switch
    {
        BankLineStatus.Matched or BankLineStatus.Partial or BankLineStatus.Over or BankLineStatus.Duplicate => BankLineState.Matched,
        BankLineStatus.Conflicting => BankLineState.Conflicting,
        BankLineStatus.Outgoing => BankLineState.Outgoing,
        _ => BankLineState.Unmatched,
    };
}
