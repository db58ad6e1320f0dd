namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// The SQLSTATEs the ledger's functions raise, named once for the SQL that raises them and the code that turns them
/// into the fund's reasons (<see cref="LedgerFailures"/>). The message after the colon names the subject.
/// </summary>
public static class LedgerErrorCodes
{
    /// <summary><c>period-closed:&lt;closed through&gt;</c>: a value date falls in a closed period.</summary>
    public const string PeriodClosed = "FL001";

    /// <summary><c>limit-exceeded:&lt;account&gt;</c>: a movement would take the account past its floor or ceiling.</summary>
    public const string LimitExceeded = "FL002";

    /// <summary><c>unknown-account:&lt;account&gt;</c>.</summary>
    public const string UnknownAccount = "FL003";

    /// <summary><c>limit-broken:&lt;account&gt;</c>: new limits that the balance, reservations counted, already lies outside.</summary>
    public const string LimitAlreadyBroken = "FL004";

    /// <summary><c>ledger-append-only:&lt;table&gt;</c>: an UPDATE, DELETE or TRUNCATE of the event log.</summary>
    public const string AppendOnly = "FL005";

    /// <summary><c>limit-exceeded-on:&lt;date&gt;:&lt;account&gt;</c>: a back-dated movement takes the account past its floor on a later day of an open period.</summary>
    public const string LimitBrokenLater = "FL006";
}
