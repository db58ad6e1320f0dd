using Evaluation.Api.Domain.Scoring;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>The reliability gate of the third-party panel (domain.md §4.4).</summary>
public sealed class KrippendorffAlphaTests
{
    /// <summary>
    /// K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (University of Pennsylvania, 2011), section E, the
    /// example with four observers, twelve units and missing values; its interval α is 0.849 (nominal 0.743).
    /// Rows are units, columns observers A, B, C, D.
    /// </summary>
    private static readonly double?[][] KrippendorffExample =
    [
        [1, 1, null, 1],
        [2, 2, 3, 2],
        [3, 3, 3, 3],
        [3, 3, 3, 3],
        [2, 2, 2, 2],
        [1, 2, 3, 4],
        [4, 4, 4, 4],
        [1, 1, 2, 1],
        [2, 2, 2, 2],
        [null, 5, 5, 5],
        [null, null, 1, 1],
        [null, 3, null, null],
    ];

    [Fact]
    public void KrippendorffsOwnExampleGivesIntervalAlpha0_849() =>
        Assert.Equal(0.849, KrippendorffAlpha.Interval(KrippendorffExample)!.Value, 3);

    [Fact]
    public void UnitsWithASingleValueDoNotCount()
    {
        var withoutLoneUnit = KrippendorffExample.Take(11).ToList();

        Assert.Equal(KrippendorffAlpha.Interval(KrippendorffExample), KrippendorffAlpha.Interval(withoutLoneUnit));
    }

    [Fact]
    public void PerfectAgreementIsOne() =>
        Assert.Equal(1.0, KrippendorffAlpha.Interval([[80, 80, 80], [60, 60, 60], [95, 95, 95]])!.Value, 12);

    [Fact]
    public void SystematicDisagreementIsBelowZero() =>
        Assert.True(KrippendorffAlpha.Interval([[0, 100], [100, 0], [0, 100], [100, 0]]) < 0);

    [Fact]
    public void NoVariationOrTooFewValuesIsUndefined()
    {
        Assert.Null(KrippendorffAlpha.Interval([[70, 70], [70, 70]]));
        Assert.Null(KrippendorffAlpha.Interval([[70, null], [null, 80]]));
        Assert.Null(KrippendorffAlpha.Interval([]));
    }

    [Fact]
    public void ThresholdIsKrippendorffsTwoThirds() => Assert.Equal(0.667, KrippendorffAlpha.ReliableFrom);
}
