using Evaluation.Api.Domain.Ahp;

namespace Evaluation.Api.Domain.Criteria;

/// <summary>
/// A criteria tree resolved to the weights of its leaves (domain.md §4.4). Every set of siblings is weighed directly
/// or by AHP; an AHP matrix whose consistency ratio is 0.1 or more is refused with its CR, since its weights would
/// rest on contradictory judgements.
/// </summary>
public sealed class CriteriaTree
{
    public const int MaximumDepth = 4;
    public const int MaximumLeaves = 100;
    public const string RootId = "(root)";

    private CriteriaTree(IReadOnlyList<LeafCriterion> leaves, IReadOnlyList<SiblingWeighing> weighings)
    {
        Leaves = leaves;
        Weighings = weighings;
    }

    public IReadOnlyList<LeafCriterion> Leaves { get; }

    public IReadOnlyList<SiblingWeighing> Weighings { get; }

    /// <param name="criteria">The top-level criteria.</param>
    /// <param name="comparisons">The top level's pairwise matrix, or null for direct weights.</param>
    /// <exception cref="EvaluationRuleException">The tree cannot be weighed (shape, weights, or an inconsistent matrix).</exception>
    public static CriteriaTree Resolve(IReadOnlyList<Criterion> criteria, IReadOnlyList<IReadOnlyList<double>>? comparisons)
    {
        var leaves = new List<LeafCriterion>();
        var weighings = new List<SiblingWeighing>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Walk(RootId, string.Empty, criteria, comparisons, 1.0, 1, leaves, weighings, ids);
        if (leaves.Count > MaximumLeaves)
        {
            throw Invalid($"A framework has at most {MaximumLeaves} scored criteria; this one has {leaves.Count}.");
        }

        return new CriteriaTree(leaves, weighings);
    }

    private static void Walk(
        string parent, string path, IReadOnlyList<Criterion> children, IReadOnlyList<IReadOnlyList<double>>? comparisons, double parentWeight, int depth,
        List<LeafCriterion> leaves, List<SiblingWeighing> weighings, HashSet<string> ids)
    {
        if (children.Count == 0)
        {
            throw Invalid($"'{parent}' needs at least one criterion below it.");
        }

        if (depth > MaximumDepth)
        {
            throw Invalid($"Criteria trees are at most {MaximumDepth} levels deep.");
        }

        var weighing = Weigh(parent, children, comparisons);
        weighings.Add(weighing);
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (string.IsNullOrWhiteSpace(child.Id) || string.IsNullOrWhiteSpace(child.Name))
            {
                throw Invalid($"Every criterion under '{parent}' needs an id and a name.");
            }

            if (!ids.Add(child.Id))
            {
                throw Invalid($"The criterion id '{child.Id}' is used twice; ids name criteria in assessments, so they are unique in a framework.");
            }

            var weight = parentWeight * weighing.Weights[i];
            var childPath = path.Length == 0 ? child.Name : $"{path} / {child.Name}";
            if (child.IsLeaf)
            {
                leaves.Add(new LeafCriterion(child.Id, child.Name, childPath, weight));
            }
            else
            {
                var matrix = child.Comparisons?.Select(r => (IReadOnlyList<double>)r).ToList();
                Walk(child.Id, childPath, child.Children, matrix, weight, depth + 1, leaves, weighings, ids);
            }
        }
    }

    private static SiblingWeighing Weigh(string parent, IReadOnlyList<Criterion> children, IReadOnlyList<IReadOnlyList<double>>? comparisons)
    {
        if (comparisons is not null)
        {
            if (comparisons.Count != children.Count)
            {
                throw Invalid($"The comparisons of '{parent}' must be a {children.Count}×{children.Count} matrix, one row per criterion below it.");
            }

            var problems = PairwiseComparison.Problems(comparisons);
            if (problems.Count > 0)
            {
                throw Invalid($"The comparisons of '{parent}': {string.Join(" ", problems)}");
            }

            var ahp = PairwiseComparison.Weigh(comparisons);
            if (!ahp.Consistent)
            {
                throw new EvaluationRuleException(
                    "Inconsistent pairwise comparisons",
                    $"The comparisons of '{parent}' have a consistency ratio of {ahp.ConsistencyRatio:0.000} (CR = {ahp.ConsistencyRatio:0.000}); " +
                    $"AHP accepts only CR < {PairwiseComparison.MaximumConsistencyRatio} (domain.md §4.4). Revise the judgements.");
            }

            return new SiblingWeighing(parent, "ahp", ahp.Weights, ahp.ConsistencyRatio);
        }

        if (children.Any(c => c.Weight is not { } w || !double.IsFinite(w) || w <= 0))
        {
            throw Invalid($"Every criterion under '{parent}' needs a positive weight, or '{parent}' needs a comparison matrix.");
        }

        var sum = children.Sum(c => c.Weight!.Value);
        return new SiblingWeighing(parent, "direct", children.Select(c => c.Weight!.Value / sum).ToList(), null);
    }

    private static EvaluationRuleException Invalid(string detail) => new("Invalid criteria tree", detail);
}
