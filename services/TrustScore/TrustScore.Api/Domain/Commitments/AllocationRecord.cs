namespace TrustScore.Api.Domain.Commitments;

/// <summary>
/// What trust-score keeps of a finalized allocation: each city's signed settlement position (positive pays in), so a
/// correction's differences move the settlement commitments to the corrected amounts. A correcting allocation points to
/// the first one (<see cref="RootId"/>), whose id the fund's <c>settlement-paid</c> names, as its settlement record does.
/// </summary>
public sealed class AllocationRecord
{
    public Guid Id { get; set; }

    public Guid RootId { get; set; }

    public Dictionary<string, decimal> Positions { get; set; } = new(StringComparer.Ordinal);

    public List<Guid> Corrections { get; set; } = [];

    public static string CommitmentId(Guid rootAllocationId, string cityId) => $"settlement:{rootAllocationId}:{cityId}";
}
