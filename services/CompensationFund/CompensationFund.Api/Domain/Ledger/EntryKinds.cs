namespace CompensationFund.Api.Domain.Ledger;

/// <summary>What an entry records, in the posting rules' words (docs/compensation-fund.md §7).</summary>
public static class EntryKinds
{
    public const string Manual = "manual";
    public const string Reversal = "reversal";
    public const string ContributionCall = "contribution-call";
    public const string PaymentReceived = "payment-received";
    public const string LatePenalty = "late-penalty";
    public const string PenaltyCredit = "penalty-credit";
    public const string Settlement = "settlement";
    public const string SettlementAdjustment = "settlement-adjustment";
    public const string SettlementPayment = "settlement-payment";
    public const string Compensation = "compensation";
    public const string CompensationPayment = "compensation-payment";
    public const string Clawback = "clawback";
    public const string ThirdPartyDeposit = "third-party-deposit";
    public const string EarmarkedRelease = "earmarked-release";
    public const string Reward = "reward";
    public const string EvaluationPenalty = "evaluation-penalty";
    public const string CityDeposit = "city-deposit";
    public const string PeriodClose = "period-close";
}
