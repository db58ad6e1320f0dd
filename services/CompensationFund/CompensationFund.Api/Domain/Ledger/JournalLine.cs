namespace CompensationFund.Api.Domain.Ledger;

public enum LineSide
{
    Debit,
    Credit,
}

/// <summary>One line of a journal entry: an amount in fen, on one side of one account.</summary>
public sealed record JournalLine(string Account, LineSide Side, long Amount)
{
    public static JournalLine Debit(string account, long amount) => new(account, LineSide.Debit, amount);

    public static JournalLine Credit(string account, long amount) => new(account, LineSide.Credit, amount);

    /// <summary>The same amount on the other side: the line of a reversal.</summary>
    public JournalLine Opposite() => this with { Side = Side == LineSide.Debit ? LineSide.Credit : LineSide.Debit };
}
