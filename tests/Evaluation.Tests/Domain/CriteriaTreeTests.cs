using Evaluation.Api.Domain;
using Evaluation.Api.Domain.Criteria;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>Criteria trees weighed directly or by AHP; leaf weights are products down the tree.</summary>
public sealed class CriteriaTreeTests
{
    [Fact]
    public void DirectWeightsAreNormalisedAmongSiblingsAndMultipliedDownTheTree()
    {
        var tree = CriteriaTree.Resolve(
        [
            Criterion.Group("a", "A", 3, Criterion.Leaf("a1", "A1", 1), Criterion.Leaf("a2", "A2", 3)),
            Criterion.Leaf("b", "B", 1),
        ], null);

        Assert.Equal(["a1", "a2", "b"], tree.Leaves.Select(l => l.Id));
        Assert.Equal([0.1875, 0.5625, 0.25], tree.Leaves.Select(l => Math.Round(l.Weight, 10)));
        Assert.Equal("A / A2", tree.Leaves[1].Path);
    }

    [Fact]
    public void AhpWeighsSiblingsFromTheirMatrix()
    {
        var tree = CriteriaTree.Resolve(
            [Criterion.Leaf("x", "X", 1), Criterion.Leaf("y", "Y", 1), Criterion.Leaf("z", "Z", 1)],
            [[1, 3, 5], [1 / 3.0, 1, 3], [1 / 5.0, 1 / 3.0, 1]]);

        Assert.Equal([0.637, 0.258, 0.105], tree.Leaves.Select(l => Math.Round(l.Weight, 3)));
        Assert.Equal("ahp", Assert.Single(tree.Weighings).Method);
        Assert.Equal(0.033, tree.Weighings[0].ConsistencyRatio!.Value, 3);
    }

    [Fact]
    public void InconsistentMatrixIsRefusedWithItsConsistencyRatio()
    {
        var refused = Assert.Throws<EvaluationRuleException>(() => CriteriaTree.Resolve(
            [Criterion.Leaf("x", "X", 1), Criterion.Leaf("y", "Y", 1), Criterion.Leaf("z", "Z", 1)],
            [[1, 5, 1 / 5.0], [1 / 5.0, 1, 5], [5, 1 / 5.0, 1]]));

        Assert.Equal("Inconsistent pairwise comparisons", refused.Title);
        Assert.Matches(@"CR = \d\.\d{3}", refused.Message);
        Assert.False(refused.IsConflict);
    }

    [Fact]
    public void NestedGroupCanUseAhpUnderADirectlyWeighedParent()
    {
        var group = Criterion.Group("g", "G", 1, Criterion.Leaf("p", "P", 0), Criterion.Leaf("q", "Q", 0));
        group.Comparisons = [[1, 3], [1 / 3.0, 1]];

        var tree = CriteriaTree.Resolve([group, Criterion.Leaf("r", "R", 1)], null);

        Assert.Equal([0.375, 0.125, 0.5], tree.Leaves.Select(l => Math.Round(l.Weight, 10)));
    }

    [Theory]
    [InlineData("duplicate")]
    [InlineData("no-weight")]
    [InlineData("matrix-size")]
    [InlineData("empty")]
    public void MalformedTreesAreRefused(string defect)
    {
        IReadOnlyList<Criterion> criteria = defect switch
        {
            "duplicate" => [Criterion.Leaf("x", "X", 1), Criterion.Group("g", "G", 1, Criterion.Leaf("x", "X again", 1))],
            "no-weight" => [Criterion.Leaf("x", "X", 1), new Criterion { Id = "y", Name = "Y" }],
            "empty" => [],
            _ => [Criterion.Leaf("x", "X", 1), Criterion.Leaf("y", "Y", 1)],
        };
        IReadOnlyList<IReadOnlyList<double>>? matrix = defect == "matrix-size" ? [[1.0]] : null;

        Assert.Equal("Invalid criteria tree", Assert.Throws<EvaluationRuleException>(() => CriteriaTree.Resolve(criteria, matrix)).Title);
    }

    [Theory]
    [InlineData(FrameworkTemplates.Activity, 8)]
    [InlineData(FrameworkTemplates.Participant, 7)]
    public void TemplatesResolveToLeafWeightsThatSumToOne(string template, int leaves)
    {
        var tree = CriteriaTree.Resolve(FrameworkTemplates.For(template)!, null);

        Assert.Equal(leaves, tree.Leaves.Count);
        Assert.Equal(1.0, tree.Leaves.Sum(l => l.Weight), 12);
    }

    [Fact]
    public void UnknownTemplateIsNull() => Assert.Null(FrameworkTemplates.For("nope"));
}
