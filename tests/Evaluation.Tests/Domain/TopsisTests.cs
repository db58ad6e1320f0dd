using Evaluation.Api.Domain.Scoring;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>TOPSIS with vector normalisation and Euclidean distances.</summary>
public sealed class TopsisTests
{
    /// <summary>
    /// C.-L. Hwang and K. Yoon, "Multiple Attribute Decision Making: Methods and Applications — A State-of-the-Art
    /// Survey" (Springer, 1981, doi:10.1007/978-3-642-48318-9), pp. 133–134, the fighter-aircraft selection example:
    /// maximum speed (Mach), ferry range (NM), maximum payload (lb), acquisition cost (10⁶ $, the one cost criterion),
    /// reliability and manoeuvrability (rated on the book's 1–9 interval scale), weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3.
    /// The book's table gives the separations S⁺ = 0.0545, 0.1197, 0.0580, 0.1009 and S⁻ = 0.0983, 0.0439, 0.0920,
    /// 0.0458 and the relative closeness C = 0.643, 0.268, 0.613, 0.312, so A1 ≻ A3 ≻ A4 ≻ A2.
    /// </summary>
    [Fact]
    public void HwangAndYoonFighterAircraftExample()
    {
        double[][] matrix =
        [
            [2.0, 1500, 20000, 5.5, 5, 9],
            [2.5, 2700, 18000, 6.5, 3, 5],
            [1.8, 2000, 21000, 4.5, 7, 7],
            [2.2, 1800, 20000, 5.0, 5, 5],
        ];

        var result = Topsis.Rank(["A1", "A2", "A3", "A4"], [0.2, 0.1, 0.1, 0.1, 0.2, 0.3], [true, true, true, false, true, true], matrix);

        // The book rounds its intermediate figures to four places, so exact arithmetic agrees with its separations to
        // ±0.0001 and with its closeness to ±0.001 (A3: 0.6135 exactly against the book's 0.613).
        Assert.All(result.Zip([0.0545, 0.1197, 0.0580, 0.1009]), x => Assert.Equal(x.Second, x.First.DistanceToIdeal, 0.0001));
        Assert.All(result.Zip([0.0983, 0.0439, 0.0920, 0.0458]), x => Assert.Equal(x.Second, x.First.DistanceToAntiIdeal, 0.0001));
        Assert.All(result.Zip([0.643, 0.268, 0.613, 0.312]), x => Assert.Equal(x.Second, x.First.Closeness, 0.001));
        Assert.Equal(["A1", "A2", "A3", "A4"], result.Select(r => r.Alternative));
        Assert.Equal([1, 4, 2, 3], result.Select(r => r.Rank));
    }

    [Fact]
    public void CostCriterionPrefersTheSmallerValue()
    {
        var result = Topsis.Rank(["cheap", "dear"], [1.0], [false], [[10.0], [20.0]]);

        Assert.Equal([1, 2], result.Select(r => r.Rank));
        Assert.Equal([1.0, 0.0], result.Select(r => r.Closeness));
    }

    [Fact]
    public void IdenticalAlternativesTieAtOneHalfAndRankByName()
    {
        var result = Topsis.Rank(["b", "a"], [0.5, 0.5], [true, true], [[70.0, 80.0], [70.0, 80.0]]);

        Assert.Equal([0.5, 0.5], result.Select(r => r.Closeness));
        Assert.Equal([2, 1], result.Select(r => r.Rank));
    }

    [Fact]
    public void ScalingTheWeightsChangesNothing() =>
        Assert.Equal(
            Topsis.Rank(["x", "y", "z"], [1, 2], [true, false], [[1.0, 3.0], [2.0, 2.0], [3.0, 5.0]]).Select(r => Math.Round(r.Closeness, 12)),
            Topsis.Rank(["x", "y", "z"], [10, 20], [true, false], [[1.0, 3.0], [2.0, 2.0], [3.0, 5.0]]).Select(r => Math.Round(r.Closeness, 12)));

    [Fact]
    public void MismatchedShapesAreRefused() =>
        Assert.Throws<ArgumentException>(() => Topsis.Rank(["x"], [1, 1], [true, true], [[1.0]]));
}
