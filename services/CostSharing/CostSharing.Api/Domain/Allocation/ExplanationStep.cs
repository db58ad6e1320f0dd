namespace CostSharing.Api.Domain.Allocation;

/// <summary>One step of an allocation with the exact amounts (fen) it produced, for the explanation (domain.md §4.2).</summary>
public sealed record ExplanationStep(string Name, string Description, IReadOnlyList<StepAmount> Amounts);

public sealed record StepAmount(string PartyId, Fraction Fen);
