using Evaluation.Api.Domain.Criteria;

namespace Evaluation.Api.Features.Frameworks;

public sealed record FrameworkResponse(
    string FrameworkId, int Version, string Kind, string Name, IReadOnlyList<Criterion> Criteria, IReadOnlyList<List<double>>? Comparisons,
    IReadOnlyList<LeafCriterion> Leaves, IReadOnlyList<SiblingWeighing> Weighings, DateTimeOffset PublishedAt)
{
    public static FrameworkResponse From(CriteriaFramework f) =>
        new(f.FrameworkId, f.Version, f.Kind, f.Name, f.Criteria, f.Comparisons, f.Leaves, f.Weighings, f.PublishedAt);
}
