namespace Platform.Contracts.Fund;

/// <summary>
/// A member city was called to pay its contribution to the common fund for a period (区域间共补, domain.md §3.2), split
/// by the agreement's formula with the largest-remainder method (§4.1). One event per city. Yuan, exact to the fen.
/// </summary>
[IntegrationEvent("compensation-fund.contribution-called", 1)]
public sealed record ContributionCalled(
    Guid CallId,
    string Period,
    string CityId,
    string Currency,
    decimal Amount,
    DateOnly DueDate,
    string Formula,
    DateTimeOffset CalledAt);

/// <summary>
/// The fund received money from a city and applied it to what the city owed (<paramref name="Purpose"/>: <c>contribution</c>,
/// <c>penalty</c> or <c>settlement</c>). <paramref name="DaysLate"/> counts from the obligation's due date (0 when on time);
/// <paramref name="SettledInFull"/> tells whether the obligation is now paid; an over-payment is <paramref name="Excess"/>.
/// </summary>
[IntegrationEvent("compensation-fund.payment-received", 1)]
public sealed record PaymentReceived(
    Guid PaymentId,
    string CityId,
    string Purpose,
    Guid? ObligationId,
    string Currency,
    decimal Amount,
    decimal Applied,
    decimal Excess,
    DateOnly ReceivedOn,
    DateOnly? DueDate,
    int DaysLate,
    bool SettledInFull,
    DateTimeOffset RecordedAt);

/// <summary>The coordinating body approved compensation for a city after an allocation; the money is reserved in the pool (two-phase), part of it held back.</summary>
[IntegrationEvent("compensation-fund.compensation-approved", 1)]
public sealed record CompensationApproved(
    Guid ProposalId,
    Guid AllocationId,
    string CityId,
    string Currency,
    decimal Amount,
    decimal HoldBack,
    string Policy,
    int PolicyVersion,
    DateTimeOffset ApprovedAt);

/// <summary>Finance paid out (part of) a city's approved compensation.</summary>
[IntegrationEvent("compensation-fund.compensation-paid", 1)]
public sealed record CompensationPaid(
    Guid ProposalId,
    Guid AllocationId,
    string CityId,
    string Currency,
    decimal Amount,
    DateTimeOffset PaidAt);

/// <summary>
/// A city's net settlement of an allocation was paid in (<c>pay-in</c>) or out (<c>pay-out</c>) through the clearing account,
/// in full or in part (<paramref name="Complete"/>), <paramref name="DaysLate"/> after the due date.
/// </summary>
[IntegrationEvent("compensation-fund.settlement-paid", 1)]
public sealed record SettlementPaid(
    Guid AllocationId,
    string CityId,
    string Direction,
    string Currency,
    decimal Amount,
    decimal Outstanding,
    DateOnly DueDate,
    DateOnly PaidOn,
    int DaysLate,
    bool Complete);

/// <summary>A reward from a reliable evaluation round was paid to a city (less than <paramref name="Awarded"/> when the incentive pool fell short).</summary>
[IntegrationEvent("compensation-fund.reward-paid", 1)]
public sealed record RewardPaid(
    Guid RoundId,
    string CityId,
    string Currency,
    decimal Amount,
    decimal Awarded,
    DateTimeOffset PaidAt);

/// <summary>A penalty was charged to a city: <c>late-payment</c>, <c>evaluation</c> or <c>clawback</c>.</summary>
[IntegrationEvent("compensation-fund.penalty-charged", 1)]
public sealed record PenaltyCharged(
    Guid PenaltyId,
    string CityId,
    string Reason,
    string Currency,
    decimal Amount,
    Guid? Source,
    DateTimeOffset ChargedAt);
