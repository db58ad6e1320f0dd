using Evaluation.Api.Domain;
using Evaluation.Api.Domain.Criteria;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>The shape rules of a criteria tree, each refused with a reason that names the criterion at fault.</summary>
public sealed class CriteriaTreeRulesTests
{
    private static string Refusal(IReadOnlyList<Criterion> criteria, IReadOnlyList<IReadOnlyList<double>>? comparisons = null)
    {
        var refused = Assert.Throws<EvaluationRuleException>(() => CriteriaTree.Resolve(criteria, comparisons));
        Assert.Equal("Invalid criteria tree", refused.Title);
        Assert.False(refused.IsConflict);
        return refused.Message;
    }

    private static Criterion Chain(int depth) =>
        depth == 1 ? Criterion.Leaf("l1", "L1", 1) : Criterion.Group($"l{depth}", $"L{depth}", 1, Chain(depth - 1));

    [Fact]
    public void FourLevelsAreAllowedAndAFifthIsRefused()
    {
        Assert.Equal("L4 / L3 / L2 / L1", Assert.Single(CriteriaTree.Resolve([Chain(4)], null).Leaves).Path);
        Assert.Equal("Criteria trees are at most 4 levels deep.", Refusal([Chain(5)]));
    }

    [Fact]
    public void AHundredScoredCriteriaAreAllowedAndMoreAreRefused()
    {
        Assert.Equal(100, CriteriaTree.Resolve([.. Enumerable.Range(0, 100).Select(i => Criterion.Leaf($"c{i}", $"C{i}", 1))], null).Leaves.Count);
        Assert.Equal(
            "A framework has at most 100 scored criteria; this one has 101.",
            Refusal([.. Enumerable.Range(0, 101).Select(i => Criterion.Leaf($"c{i}", $"C{i}", 1))]));
    }

    [Theory]
    [InlineData("", "Name")]
    [InlineData(" ", "Name")]
    [InlineData("id", "")]
    [InlineData("id", " ")]
    public void EveryCriterionNeedsAnIdAndAName(string id, string name) =>
        Assert.Equal("Every criterion under 'g' needs an id and a name.", Refusal([Criterion.Group("g", "G", 1, new Criterion { Id = id, Name = name, Weight = 1 })]));

    [Fact]
    public void AGroupWithoutChildrenNamesItself() =>
        Assert.Equal("'(root)' needs at least one criterion below it.", Refusal([]));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void DirectWeightsArePositiveAndFinite(double weight) =>
        Assert.Equal(
            "Every criterion under 'g' needs a positive weight, or 'g' needs a comparison matrix.",
            Refusal([Criterion.Group("g", "G", 1, Criterion.Leaf("a", "A", 1), Criterion.Leaf("b", "B", weight))]));

    [Fact]
    public void TheIdUsedTwiceIsNamed() =>
        Assert.StartsWith("The criterion id 'x' is used twice", Refusal([Criterion.Leaf("x", "X", 1), Criterion.Leaf("x", "X2", 1)]), StringComparison.Ordinal);

    [Fact]
    public void AMatrixOfTheWrongSizeNamesTheSizeExpected() =>
        Assert.Equal(
            "The comparisons of '(root)' must be a 2×2 matrix, one row per criterion below it.",
            Refusal([Criterion.Leaf("a", "A", 1), Criterion.Leaf("b", "B", 1)], [[1, 2, 3], [0.5, 1, 2], [1 / 3.0, 0.5, 1]]));

    [Fact]
    public void AMalformedMatrixIsRefusedWithItsProblems() =>
        Assert.Equal(
            "The comparisons of '(root)': [0][1] must be a positive number.",
            Refusal([Criterion.Leaf("a", "A", 1), Criterion.Leaf("b", "B", 1)], [[1, -2], [0.5, 1]]));

    [Fact]
    public void ANestedMatrixIsReadForItsGroup()
    {
        var group = Criterion.Group("g", "G", 1, Criterion.Leaf("p", "P", 1), Criterion.Leaf("q", "Q", 1));
        group.Comparisons = [[1, 1, 1], [1, 1, 1], [1, 1, 1]];

        Assert.Equal("The comparisons of 'g' must be a 2×2 matrix, one row per criterion below it.", Refusal([group]));
    }

    [Fact]
    public void EachSetOfSiblingsIsRecordedWithHowItWasWeighed()
    {
        var group = Criterion.Group("g", "G", 1, Criterion.Leaf("p", "P", 1), Criterion.Leaf("q", "Q", 1));
        group.Comparisons = [[1, 3], [1 / 3.0, 1]];

        var tree = CriteriaTree.Resolve([group, Criterion.Leaf("r", "R", 3)], null);

        Assert.Equal([("(root)", "direct"), ("g", "ahp")], tree.Weighings.Select(w => (w.Parent, w.Method)));
        Assert.Equal([0.25, 0.75], tree.Weighings[0].Weights);
        Assert.Null(tree.Weighings[0].ConsistencyRatio);
        Assert.Equal(0.0, tree.Weighings[1].ConsistencyRatio);
        Assert.Equal(["G / P", "G / Q", "R"], tree.Leaves.Select(l => l.Path));
        Assert.Equal(["P", "Q", "R"], tree.Leaves.Select(l => l.Name));
    }

    [Fact]
    public void AnInconsistentMatrixStatesItsRatioAndTheLimit()
    {
        var refused = Assert.Throws<EvaluationRuleException>(() => CriteriaTree.Resolve(
            [Criterion.Leaf("x", "X", 1), Criterion.Leaf("y", "Y", 1), Criterion.Leaf("z", "Z", 1)],
            [[1, 5, 1 / 5.0], [1 / 5.0, 1, 5], [5, 1 / 5.0, 1]]));
        var cr = PairwiseComparisonRatio([[1, 5, 1 / 5.0], [1 / 5.0, 1, 5], [5, 1 / 5.0, 1]]);

        Assert.Equal(
            $"The comparisons of '(root)' have a consistency ratio of {cr:0.000} (CR = {cr:0.000}); AHP accepts only CR < 0.1 (domain.md §4.4). Revise the judgements.",
            refused.Message);
    }

    private static double PairwiseComparisonRatio(double[][] matrix) => Evaluation.Api.Domain.Ahp.PairwiseComparison.Weigh(matrix).ConsistencyRatio;
}
