namespace Platform.Contracts.Fund;

/// <summary>The values of <see cref="PenaltyCharged.Reason"/>.</summary>
public static class PenaltyReasons
{
    public const string LatePayment = "late-payment";
    public const string Evaluation = "evaluation";
    public const string Clawback = "clawback";
}

/// <summary>The values of <see cref="PaymentReceived.Purpose"/>: what the money was applied to.</summary>
public static class PaymentPurposes
{
    public const string Contribution = "contribution";
    public const string Penalty = "penalty";
    public const string Clawback = "clawback";
    public const string Settlement = "settlement";

    /// <summary>Applied to nothing yet: held as unapplied receipts.</summary>
    public const string Unapplied = "unapplied";
}
