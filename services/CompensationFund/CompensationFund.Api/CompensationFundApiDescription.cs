using Platform.ServiceDefaults.Api.OpenApi;

namespace CompensationFund.Api;

/// <summary>The compensation fund API as its OpenAPI document introduces it (docs/api-versioning.md governs its changes).</summary>
public sealed class CompensationFundApiDescription : ServiceApiDescription
{
    public override string Title => "Compensation fund API (补偿基金)";

    public override string English =>
        "The compensation fund keeps the alliance's **double-entry ledger**: accounts, journal entries, contribution calls and payments, "
        + "third-party deposits, compensation decisions and disbursements, settlements, rewards and penalties, bank-statement matching, "
        + "statements with proofs, reconciliation and period close. Amounts are yuan (CNY), exact to the fen. Every POST that moves money "
        + "requires an `Idempotency-Key`. Finance posts and closes; the coordinating body decides compensation; a city reads its own "
        + "account and statement; auditors read everything.";

    public override string Chinese =>
        "补偿基金服务维护联盟的**复式记账总账**：科目、记账凭证、缴款通知与到账、第三方存入、补偿决定与拨付、结算、奖励与处罚、银行对账单匹配、"
        + "附证明的对账单、对账与期末结账。金额单位为人民币元，精确到分。所有动用资金的 POST 请求都必须携带 `Idempotency-Key`。"
        + "财务人员记账与结账；协调机构作出补偿决定；城市只能读取本市账户与对账单；审计人员可读取全部内容。";

    public override IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Accounts"] = "The ledger's accounts, their balances and limits.",
        ["Journal entries"] = "Balanced journal entries (immutable; corrections are reversing entries).",
        ["Two-phase entries"] = "Reservations that hold an amount and are later posted or voided.",
        ["Members"] = "Member cities as the fund knows them: their accounts and deposit requirements.",
        ["Contributions"] = "Contribution calls to the member cities, payments received and late-payment penalties.",
        ["Third-party deposits"] = "Money deposited by third parties (insurers, donors) and its release.",
        ["Compensation"] = "Compensation decisions for incidents: approved, rejected, disbursed, held back, clawed back.",
        ["Settlements"] = "Settlement of finalized allocations between the fund and the cities.",
        ["Bank statements"] = "Imported bank statements and how their lines match the ledger.",
        ["Periods"] = "Monthly period close: no posting dated into a closed period.",
        ["Reports"] = "Trial balance, reconciliation, and each city's statement with the proofs of its postings.",
        ["Operations"] = "Administration: dead letters, parked messages and the outbox (coordinating body).",
    };
}
