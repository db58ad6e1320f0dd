namespace CostSharing.Api.Domain.Incidents;

/// <summary>
/// Everything needed to check an allocation by hand (domain.md §4.2): the agreement version, the rule, the
/// inputs, each step's exact amounts and the rounding. Exact amounts are given as fractions of fen
/// (<c>10000/3</c>) beside a yuan figure rounded to six places for reading.
/// </summary>
public sealed record AllocationExplanation(
    string AgreementId,
    int AgreementVersion,
    string Category,
    string Rule,
    string Currency,
    decimal NetEligibleCost,
    IReadOnlyList<ExplainedInput> Inputs,
    IReadOnlyList<ExplainedStep> Steps,
    ExplainedRounding Rounding);

/// <summary>One city's inputs: its claims (claimed, approved, insurance and subsidies) and the rule's weights.</summary>
public sealed record ExplainedInput(
    string CityId,
    string Side,
    decimal Claimed,
    decimal Approved,
    decimal InsuranceAndSubsidies,
    decimal ApprovedSpend,
    decimal? ContributionWeight,
    long? PopulationExposed,
    decimal? DamageAvoided,
    decimal? DeclaredExposure,
    decimal? StandAloneCost,
    decimal? SeparableCost);

public sealed record ExplainedStep(string Name, string Description, IReadOnlyList<ExplainedAmount> Amounts);

public sealed record ExplainedAmount(string Id, decimal Yuan, string ExactFen);

public sealed record ExplainedRounding(string Method, IReadOnlyList<ExplainedGroup> Groups, IReadOnlyList<ExplainedShare> Shares);

public sealed record ExplainedGroup(string Group, string ExactFen, long Fen);

public sealed record ExplainedShare(
    string CityId, string Group, string ExactFen, long FloorFen, string Remainder, int? RemainderRank, bool ReceivedExtraFen, long Fen);
