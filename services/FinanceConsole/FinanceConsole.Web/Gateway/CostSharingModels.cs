namespace FinanceConsole.Web.Gateway;

// Cost-sharing's public responses as the coordinator's pages read them.

public sealed record Incident(Guid Id, string AgreementId, string Category, string Title, string Status, DateTimeOffset OccurredAt, Guid? CurrentAllocationId);

public sealed record AllocationLine(string CityId, string Side, decimal FairShare, decimal ApprovedSpend, decimal NetPosition);

public sealed record Instruction(string CityId, string Direction, decimal Amount, DateOnly DueDate);

public sealed record ExplainedAmount(string Id, decimal Yuan, string ExactFen);

public sealed record ExplainedStep(string Name, string Description, IReadOnlyList<ExplainedAmount> Amounts);

public sealed record Explanation(string AgreementId, int AgreementVersion, string Rule, decimal NetEligibleCost, IReadOnlyList<ExplainedStep> Steps);

public sealed record Allocation(
    Guid Id, Guid IncidentId, string AgreementId, int AgreementVersion, string Category, string Rule, string Currency, decimal NetEligibleCost,
    IReadOnlyList<AllocationLine> Lines, IReadOnlyList<Instruction> Instructions, bool InForce, DateTimeOffset FinalizedAt, Explanation Explanation);
