using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Contributions;

/// <summary>One late-payment assessment on a contribution: the days charged and what they cost.</summary>
public sealed record PenaltyAssessment(DateOnly From, DateOnly Through, long Amount, Guid PenaltyId);

/// <summary>What crediting an over-charged penalty posts, and how much of each penalty obligation it writes off.</summary>
public sealed record PenaltyCreditPlan(long Amount, IReadOnlyList<JournalLine> Lines, IReadOnlyList<(Obligation Penalty, long Amount)> WrittenOff, long Refunded);

/// <summary>
/// A payment that arrives late in the books but was made earlier (a back-dated receipt) lowers what was outstanding on
/// days already charged: the penalty is recomputed day by day with the payment counted, and what was charged beyond it
/// is credited. What the city still owes on its penalties is written off first (Dr penalties charged / Cr its
/// penalties receivable, newest penalty first); what it already paid is owed back to it, held as unapplied receipts
/// (Dr penalty income / Cr unapplied receipts), as an over-payment would be.
/// </summary>
public static class PenaltyCredit
{
    /// <summary>What the rule charged on <paramref name="contribution"/> beyond what it gives with the payments known now.</summary>
    public static long Overcharged(Obligation contribution) =>
        Math.Max(0, contribution.Assessments.Sum(a => a.Amount - LatePenaltyRule.AmountFor(contribution, a.From, a.Through)) - contribution.PenaltyCredited);

    public static PenaltyCreditPlan Plan(string cityId, long credit, IEnumerable<Obligation> penalties)
    {
        var lines = new List<JournalLine>();
        var writtenOff = new List<(Obligation, long)>();
        var left = credit;
        foreach (var penalty in penalties.Where(p => p.Outstanding > 0).OrderByDescending(p => p.CreatedAt))
        {
            var amount = Math.Min(left, penalty.Outstanding);
            if (amount == 0)
            {
                break;
            }

            writtenOff.Add((penalty, amount));
            left -= amount;
        }

        var waived = credit - left;
        if (waived > 0)
        {
            lines.Add(JournalLine.Debit(FundAccounts.PenaltiesCharged, waived));
            lines.Add(JournalLine.Credit(LedgerAccount.IdFor(cityId, LedgerAccountKind.PenaltiesReceivable), waived));
        }

        if (left > 0)
        {
            lines.Add(JournalLine.Debit(FundAccounts.PenaltyIncome, left));
            lines.Add(JournalLine.Credit(FundAccounts.UnappliedReceipts, left));
        }

        return new PenaltyCreditPlan(credit, lines, writtenOff, left);
    }
}
