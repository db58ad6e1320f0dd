using CompensationFund.Api.Domain.Ledger;
using Platform.Contracts.Fund;

namespace CompensationFund.Api.Domain.Contributions;

public enum ObligationKind
{
    Contribution,
    Penalty,
    Clawback,
}

/// <summary>How an obligation's kind is named on the wire: the API, the metrics' labels and <c>PaymentReceived.Purpose</c>.</summary>
public static class ObligationKinds
{
    public static string Name(ObligationKind kind) => kind switch
    {
        ObligationKind.Contribution => PaymentPurposes.Contribution,
        ObligationKind.Penalty => PaymentPurposes.Penalty,
        _ => PaymentPurposes.Clawback,
    };
}

/// <summary>One payment applied to an obligation.</summary>
public sealed record ObligationPayment(DateOnly On, long Amount, Guid EntryId);

/// <summary>
/// Something a city owes the fund with a due date — a contribution called for a period, a penalty, a clawback — in fen,
/// with the payments applied to it. Arrears are obligations past due with money outstanding; a late-payment penalty is
/// charged day by day on what was outstanding each day (<see cref="OutstandingOn"/>).
/// </summary>
public sealed class Obligation
{
    public Guid Id { get; set; }

    public string CityId { get; set; } = string.Empty;

    public ObligationKind Kind { get; set; }

    public long Amount { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>The code a payer writes on a bank transfer (<c>CC-2026-hangzhou</c>); bank lines are matched by it.</summary>
    public string Code { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary>The contribution call, evaluation round or compensation decision it comes from.</summary>
    public Guid? SourceId { get; set; }

    public List<ObligationPayment> Payments { get; set; } = [];

    /// <summary>The last day a late-payment penalty has been charged for; each day is charged once.</summary>
    public DateOnly? PenaltyAssessedThrough { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Each late-payment assessment of this contribution, so a back-dated payment can recompute them (<see cref="PenaltyCredit"/>).</summary>
    public List<PenaltyAssessment> Assessments { get; set; } = [];

    /// <summary>On a contribution: what was credited back of its penalties. On a penalty: what of it was written off.</summary>
    public long PenaltyCredited { get; set; }

    public long Paid => Payments.Sum(p => p.Amount);

    public long Outstanding => Amount - Paid - (Kind == ObligationKind.Penalty ? PenaltyCredited : 0);

    /// <summary>What was still owed at the end of <paramref name="day"/>.</summary>
    public long OutstandingOn(DateOnly day) => Amount - Payments.Where(p => p.On <= day).Sum(p => p.Amount);

    public int DaysOverdue(DateOnly asOf) => Outstanding > 0 ? Math.Max(0, asOf.DayNumber - DueDate.DayNumber) : 0;

    public ObligationPayment Apply(long amount, DateOnly on, Guid entryId)
    {
        if (amount <= 0 || amount > Outstanding)
        {
            throw new FundRuleException("Amount out of range", $"Obligation {Code} has {Money.Fen.ToYuan(Outstanding)} outstanding.");
        }

        var payment = new ObligationPayment(on, amount, entryId);
        Payments.Add(payment);
        return payment;
    }
}
