namespace CompensationFund.Api.Domain.Contributions;

/// <summary>Part of a payment applied to one obligation.</summary>
public sealed record Application(Obligation Obligation, long Amount);

/// <summary>
/// How a payment was applied: to which obligations, what was left over, and the outcome — <c>full</c> (everything it was
/// applied to is paid), <c>partial</c> (something stays owed), <c>over</c> (money left over) or <c>unapplied</c> (nothing owed).
/// </summary>
public sealed record PaymentApplicationResult(IReadOnlyList<Application> Applications, long Excess, string Outcome);

/// <summary>
/// Applies a city's payment to what it owes: to the obligation the payment names first, then to the rest oldest due first
/// (the usual first-in, first-out rule of receivables); what is left over is an over-payment, held as unapplied receipts
/// for finance to refund or apply.
/// </summary>
public static class PaymentApplication
{
    public static PaymentApplicationResult Apply(long amount, IReadOnlyList<Obligation> open, Guid? named = null)
    {
        var order = open.Where(o => o.Outstanding > 0)
            .OrderBy(o => o.Id == named ? 0 : 1)
            .ThenBy(o => o.DueDate)
            .ThenBy(o => o.Kind)
            .ThenBy(o => o.Code, StringComparer.Ordinal);
        var left = amount;
        var applications = new List<Application>();
        foreach (var obligation in order)
        {
            if (left == 0)
            {
                break;
            }

            var applied = Math.Min(left, obligation.Outstanding);
            applications.Add(new Application(obligation, applied));
            left -= applied;
        }

        var outcome = applications.Count == 0 ? "unapplied" : left > 0 ? "over" : applications.Any(a => a.Obligation.Outstanding > a.Amount) ? "partial" : "full";
        return new PaymentApplicationResult(applications, left, outcome);
    }
}
