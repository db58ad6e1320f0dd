namespace CompensationFund.Api.Domain.Accounts;

/// <summary>
/// An account's four counters, in fen, as TigerBeetle keeps them: posted and pending debits and credits.
/// Counters only grow by postings and shrink only when a reservation is released, so each is never negative.
/// </summary>
public readonly record struct AccountBalance(long DebitsPosted, long CreditsPosted, long DebitsPending, long CreditsPending)
{
    public static readonly AccountBalance Zero = new(0, 0, 0, 0);

    public AccountBalance Apply(Ledger.Movement movement) => new(
        checked(DebitsPosted + movement.DebitsPosted),
        checked(CreditsPosted + movement.CreditsPosted),
        checked(DebitsPending + movement.DebitsPending),
        checked(CreditsPending + movement.CreditsPending));

    public bool CountersAreNonNegative => DebitsPosted >= 0 && CreditsPosted >= 0 && DebitsPending >= 0 && CreditsPending >= 0;

    /// <summary>The posted balance on the account's normal side.</summary>
    public long Posted(NormalSide side) => side == NormalSide.Debit ? DebitsPosted - CreditsPosted : CreditsPosted - DebitsPosted;

    /// <summary>The balance if every reservation that lowers it were posted: what a floor must hold against.</summary>
    public long Lowest(NormalSide side) => Posted(side) - (side == NormalSide.Debit ? CreditsPending : DebitsPending);

    /// <summary>The balance if every reservation that raises it were posted: what a ceiling must hold against.</summary>
    public long Highest(NormalSide side) => Posted(side) + (side == NormalSide.Debit ? DebitsPending : CreditsPending);
}
