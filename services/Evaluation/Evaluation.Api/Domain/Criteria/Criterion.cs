namespace Evaluation.Api.Domain.Criteria;

/// <summary>
/// A node of a criteria tree. Its children are weighed either directly (each child's <see cref="Weight"/>, normalised
/// over the siblings) or by AHP from <see cref="Comparisons"/>, the pairwise matrix of the children in their order.
/// Leaves are what assessors score, 0–100.
/// </summary>
public sealed class Criterion
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The direct weight among its siblings; unused when the parent weighs its children by AHP.</summary>
    public double? Weight { get; set; }

    public List<Criterion> Children { get; set; } = [];

    /// <summary>The children's pairwise comparison matrix (AHP), or null for direct weights.</summary>
    public List<List<double>>? Comparisons { get; set; }

    public bool IsLeaf => Children.Count == 0;

    public static Criterion Leaf(string id, string name, double weight) => new() { Id = id, Name = name, Weight = weight };

    public static Criterion Group(string id, string name, double weight, params Criterion[] children) =>
        new() { Id = id, Name = name, Weight = weight, Children = [.. children] };
}

/// <summary>A scored criterion with its global weight: the product of the local weights from the root down to it.</summary>
public sealed record LeafCriterion(string Id, string Name, string Path, double Weight);

/// <summary>How one set of siblings was weighed: directly, or by AHP with its consistency figures.</summary>
public sealed record SiblingWeighing(string Parent, string Method, IReadOnlyList<double> Weights, double? ConsistencyRatio);
