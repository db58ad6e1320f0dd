namespace CompensationFund.Api.Domain.Ledger;

/// <summary>What one line of one event does to one account's four counters (pending deltas are negative on release).</summary>
public readonly record struct Movement(string Account, long DebitsPosted, long CreditsPosted, long DebitsPending, long CreditsPending)
{
    public static Movement Post(JournalLine line) => line.Side == LineSide.Debit
        ? new(line.Account, line.Amount, 0, 0, 0)
        : new(line.Account, 0, line.Amount, 0, 0);

    public static Movement Hold(JournalLine line) => line.Side == LineSide.Debit
        ? new(line.Account, 0, 0, line.Amount, 0)
        : new(line.Account, 0, 0, 0, line.Amount);

    public static Movement Release(JournalLine line) => line.Side == LineSide.Debit
        ? new(line.Account, 0, 0, -line.Amount, 0)
        : new(line.Account, 0, 0, 0, -line.Amount);
}

/// <summary>The posting rule of the ledger's own events: which counters each event moves.</summary>
public static class Movements
{
    public static IReadOnlyList<Movement> Of(ILedgerEvent ledgerEvent) => ledgerEvent switch
    {
        EntryPosted e => [.. e.Lines.Select(Movement.Post)],
        EntryReserved e => [.. e.Lines.Select(Movement.Hold)],
        ReservationPosted e => [.. e.Released.Select(Movement.Release), .. e.Posted.Select(Movement.Post)],
        ReservationVoided e => [.. e.Released.Select(Movement.Release)],
        _ => throw new ArgumentOutOfRangeException(nameof(ledgerEvent), ledgerEvent.GetType().Name, "Not a money-moving ledger event."),
    };
}
