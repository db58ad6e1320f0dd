using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Domain.Periods;
using JasperFx.Events;

using Npgsql;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// Turns the database's refusals of a ledger transaction into the fund's reasons: a closed period (FL001), a
/// broken limit (FL002, explained from the balance re-read after the rollback), a reused entry id or reference,
/// and a decision that lost a race on an entry's stream.
/// </summary>
public static class LedgerFailures
{
    public static string? Code(Exception exception) => Find<PostgresException>(exception)?.SqlState;

    public static async Task<FundRuleException?> TranslateAsync(
        Exception exception, IReadOnlyList<LedgerChange> changes, BalanceReader balances, CancellationToken cancellationToken)
    {
        if (Find<PostgresException>(exception) is { } postgres)
        {
            var subject = postgres.MessageText[(postgres.MessageText.IndexOf(':', StringComparison.Ordinal) + 1)..];
            switch (postgres.SqlState)
            {
                case LedgerErrorCodes.PeriodClosed:
                    var earliest = changes.Select(c => c.Event).OfType<ILedgerEvent>().Min(e => e.ValueDate);
                    return PeriodClosing.ClosedPeriod(earliest, DateOnly.Parse(subject, System.Globalization.CultureInfo.InvariantCulture));
                case LedgerErrorCodes.LimitExceeded:
                    var live = (await balances.LiveAsync([subject], cancellationToken)).GetValueOrDefault(subject);
                    return new FundRuleException("Balance limit", Explain(subject, live, changes));
                case LedgerErrorCodes.LimitBrokenLater:
                    var on = subject[..subject.IndexOf(':', StringComparison.Ordinal)];
                    return new FundRuleException(
                        "Balance limit at a later date",
                        $"Account '{subject[(on.Length + 1)..]}' would stand below its floor at the end of {on}: this back-dated entry counts on every later day of the open period, and the money was not there then. Nothing was posted.");
                case LedgerErrorCodes.UnknownAccount:
                    return new FundRuleException("Unknown account", $"The ledger has no account '{subject}'.");
                case LedgerErrorCodes.LimitAlreadyBroken:
                    return new FundRuleException("Limit already broken", $"Account '{subject}' stands outside these limits now (reservations counted); the limit is not changed.");
            }
        }

        if (Find<Marten.Exceptions.ExistingStreamIdCollisionException>(exception) is not null || Find<JasperFx.Events.ExistingStreamIdCollisionException>(exception) is not null)
        {
            return new FundRuleException("Entry exists", "An entry with this id or reference was already recorded; nothing was posted again.", conflict: true);
        }

        if (Find<EventStreamUnexpectedMaxEventIdException>(exception) is not null)
        {
            return new FundRuleException("Entry changed", "The entry was decided on concurrently (posted, voided, expired or reversed); read it again.", conflict: true);
        }

        return null;
    }

    private static string Explain(string account, LiveBalance? live, IReadOnlyList<LedgerChange> changes)
    {
        if (live is null)
        {
            return $"The entry would take account '{account}' past its limit.";
        }

        var net = changes.Select(c => c.Event).OfType<ILedgerEvent>().SelectMany(Movements.Of).Where(m => m.Account == account)
            .Aggregate(AccountBalance.Zero, (b, m) => b.Apply(m));
        var available = live.Balance.Lowest(live.Side);
        var change = net.Lowest(live.Side);
        var bound = live.Limit.Floor is { } floor && available + change < floor
            ? $"may not go below {Fen.ToYuan(floor)}: it has {Fen.ToYuan(available)} available after reservations, and the entry takes {Fen.ToYuan(-change)}"
            : $"may not exceed {Fen.ToYuan(live.Limit.Ceiling ?? 0)}: with reservations it stands at {Fen.ToYuan(live.Balance.Highest(live.Side))}, and the entry adds {Fen.ToYuan(net.Highest(live.Side))}";
        return $"Account '{account}' {bound}. Nothing was posted.";
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(f => f is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
