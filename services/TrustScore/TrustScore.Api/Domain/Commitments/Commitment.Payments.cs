namespace TrustScore.Api.Domain.Commitments;

/// <summary>Money applied to a payment commitment, as the fund's ledger verified it.</summary>
public sealed record CommitmentPayment(string Reference, decimal Applied, DateOnly PaidOn, int DaysLate, DateTimeOffset RecordedAt);

public sealed partial class Commitment
{
    /// <summary>What is owed, for payment commitments (yuan, exact to the fen).</summary>
    public decimal? Amount { get; set; }

    public List<CommitmentPayment> Payments { get; set; } = [];

    /// <summary>The fund's obligation this commitment is paid against, once a payment named it.</summary>
    public Guid? ObligationId { get; set; }

    public decimal Paid => Payments.Sum(p => p.Applied);

    /// <summary>
    /// Records a payment the fund verified. Partial and late payments count partly: each payment earns its share of the
    /// amount times its timeliness credit (<see cref="Timeliness"/>). Paid in full it settles the commitment: on time when
    /// every payment was, else late with the fraction earned. A repeated payment (same reference) changes nothing.
    /// </summary>
    /// <returns>False when the payment was already recorded.</returns>
    public bool RecordPayment(CommitmentPayment payment, bool paidInFull)
    {
        if (Payments.Any(p => p.Reference == payment.Reference))
        {
            return false;
        }

        Payments.Add(payment);
        Note(payment.RecordedAt, $"Paid {payment.Applied} on {payment.PaidOn:yyyy-MM-dd}, {payment.DaysLate} days late{(paidInFull ? ", in full" : string.Empty)}.", payment.Reference);
        if (Status == CommitmentStatus.Waived || !paidInFull)
        {
            return true;
        }

        var credit = PartialCredit();
        if (credit >= 1 && Payments.All(p => p.DaysLate <= 0))
        {
            // The ledger shows it paid by the due date: a default recorded meanwhile (the payment was still in flight) was premature.
            Outcomes.RemoveAll(o => o.Status == CommitmentStatus.Defaulted);
            SetOutcome(payment.RecordedAt, CommitmentStatus.FulfilledOnTime, 1);
            return true;
        }

        if (Status == CommitmentStatus.Defaulted)
        {
            RecordRemedy(payment.RecordedAt, "paid in full after the default");
        }

        SetOutcome(payment.RecordedAt, CommitmentStatus.FulfilledLate, credit);
        return true;
    }

    /// <summary>A correction changed what is owed (allocation superseded): nothing left owed releases the commitment.</summary>
    public void Adjust(decimal change, DateOnly? dueDate, DateTimeOffset at, string reason)
    {
        Amount = (Amount ?? 0) + change;
        if (dueDate is { } due)
        {
            DueAt = EndOf(due);
        }

        Note(at, $"Amount changed by {change} to {Amount}: {reason}", null);
        if (Amount <= 0)
        {
            Withdraw(at, "nothing is owed any more after the correction");
        }
        else if (Status is CommitmentStatus.FulfilledOnTime or CommitmentStatus.FulfilledLate && Paid < Amount)
        {
            SetOutcome(at, CommitmentStatus.Open, PartialCredit());
        }
    }

    /// <summary>The fraction earned so far: Σ applied × timeliness / amount, at most 1. Commitments without an amount earn nothing partly.</summary>
    public double PartialCredit()
    {
        if (Amount is not { } amount || amount <= 0)
        {
            return 0;
        }

        var earned = Payments.Sum(p => (double)p.Applied * Timeliness.CreditForDaysLate(p.DaysLate));
        return Math.Clamp(earned / (double)amount, 0, 1);
    }

    /// <summary>A payment due on a date is due by the end of that day (UTC), as the fund counts days late.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => new(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
