using Evaluation.Api.Domain.Ahp;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>AHP weights and consistency (domain.md §4.4).</summary>
public sealed class PairwiseComparisonTests
{
    private static readonly double[][] DomainExample = [[1, 3, 5], [1 / 3.0, 1, 3], [1 / 5.0, 1 / 3.0, 1]];

    [Fact]
    public void DomainExampleGivesThePrincipalEigenvectorAndAConsistencyRatioOfAbout0_033()
    {
        var result = PairwiseComparison.Weigh(DomainExample);

        Assert.Equal(0.637, result.Weights[0], 3);
        Assert.Equal(0.258, result.Weights[1], 3);
        Assert.Equal(0.105, result.Weights[2], 3);
        Assert.Equal(1.0, result.Weights.Sum(), 12);
        Assert.Equal(3.0385, result.LambdaMax, 4);
        Assert.Equal(0.0193, result.ConsistencyIndex, 4);
        Assert.Equal(0.033, result.ConsistencyRatio, 3);
        Assert.True(result.Consistent);
    }

    [Fact]
    public void PerfectlyConsistentMatrixHasLambdaMaxNAndZeroRatio()
    {
        // a_ij = w_i / w_j for w = (4, 2, 1, 1): every judgement agrees with every other.
        double[] w = [4, 2, 1, 1];
        var matrix = w.Select(wi => (IReadOnlyList<double>)w.Select(wj => wi / wj).ToList()).ToList();

        var result = PairwiseComparison.Weigh(matrix);

        Assert.Equal([0.5, 0.25, 0.125, 0.125], result.Weights.Select(x => Math.Round(x, 10)));
        Assert.Equal(4.0, result.LambdaMax, 9);
        Assert.Equal(0.0, result.ConsistencyRatio, 9);
    }

    [Fact]
    public void ContradictoryJudgementsAreInconsistent()
    {
        // A ≫ B, B ≫ C, yet C ≫ A: intransitive.
        double[][] matrix = [[1, 5, 1 / 5.0], [1 / 5.0, 1, 5], [5, 1 / 5.0, 1]];

        var result = PairwiseComparison.Weigh(matrix);

        Assert.False(result.Consistent);
        Assert.True(result.ConsistencyRatio >= 0.1, $"CR {result.ConsistencyRatio}");
    }

    [Fact]
    public void ConsistencyRatioBelowOneTenthIsAcceptedAndAtOneTenthRefused() =>
        Assert.Equal([true, false, false], new[] { 0.0999, 0.1, 0.2 }.Select(cr => new AhpResult([1.0], 3, cr * 0.58, cr).Consistent));

    [Fact]
    public void TwoByTwoMatrixIsAlwaysConsistent()
    {
        var result = PairwiseComparison.Weigh([[1, 3], [1 / 3.0, 1]]);

        Assert.Equal([0.75, 0.25], result.Weights.Select(x => Math.Round(x, 10)));
        Assert.Equal(0.0, result.ConsistencyRatio);
    }

    [Theory]
    [InlineData("[]", "at least one row")]
    [InlineData("[[1,2],[0.5]]", "square")]
    [InlineData("[[1,-2],[-0.5,1]]", "positive")]
    [InlineData("[[2,2],[0.5,1]]", "must be 1")]
    [InlineData("[[1,3],[3,1]]", "reciprocal")]
    public void MalformedMatricesAreDescribed(string json, string expected)
    {
        var matrix = System.Text.Json.JsonSerializer.Deserialize<List<List<double>>>(json)!.Select(r => (IReadOnlyList<double>)r).ToList();

        var problems = PairwiseComparison.Problems(matrix);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => PairwiseComparison.Weigh(matrix));
    }

    [Fact]
    public void RoundedReciprocalsAreAccepted() =>
        Assert.Empty(PairwiseComparison.Problems([[1, 3, 5], [0.333, 1, 3], [0.2, 0.333, 1]]));

    [Fact]
    public void MatricesLargerThanTheRandomIndexTableAreRefused() =>
        Assert.Contains("at most 15", Assert.Single(PairwiseComparison.Problems(Enumerable.Range(0, 16).Select(_ => (IReadOnlyList<double>)Enumerable.Repeat(1.0, 16).ToList()).ToList())), StringComparison.Ordinal);
}
