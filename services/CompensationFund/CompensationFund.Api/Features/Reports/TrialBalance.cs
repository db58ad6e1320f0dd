using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;

namespace CompensationFund.Api.Features.Reports;

public sealed record TrialBalanceLine(string Account, string Name, string Kind, string NormalSide, decimal Debit, decimal Credit, decimal PendingDebits, decimal PendingCredits);

/// <summary>Every account's posted balance on its debit or credit side as of a value date; the two columns must be equal.</summary>
public sealed record TrialBalanceResponse(DateOnly AsOf, IReadOnlyList<TrialBalanceLine> Lines, decimal TotalDebits, decimal TotalCredits, bool Balanced);

/// <summary>The trial balance, as of today or any past value date (sums of the movement history, so back-dated entries count where they belong).</summary>
public static class TrialBalance
{
    public static async Task<IResult> HandleAsync(
        DateOnly? asOf, IQuerySession session, MovementHistory history, FundLedger ledger, CancellationToken cancellationToken)
    {
        var date = asOf ?? ledger.Today;
        var accounts = (await session.Query<LedgerAccount>().ToListAsync(cancellationToken)).ToDictionary(a => a.Id);
        var sums = await history.SumsThroughAsync(null, date, cancellationToken);
        var lines = new List<TrialBalanceLine>();
        foreach (var (id, sum) in sums.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var account = accounts.GetValueOrDefault(id);
            var net = sum.DebitsPosted - sum.CreditsPosted;
            lines.Add(new TrialBalanceLine(
                id, account?.Name ?? "?", account?.Kind.Slug() ?? "?", account?.NormalSide == NormalSide.Debit ? SideNames.Debit : SideNames.Credit,
                Fen.ToYuan(Math.Max(net, 0)), Fen.ToYuan(Math.Max(-net, 0)), Fen.ToYuan(sum.DebitsPending), Fen.ToYuan(sum.CreditsPending)));
        }

        var debits = lines.Sum(l => l.Debit);
        var credits = lines.Sum(l => l.Credit);
        return Results.Ok(new TrialBalanceResponse(date, lines, debits, credits, debits == credits));
    }
}
