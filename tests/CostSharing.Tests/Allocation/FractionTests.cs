using System.Numerics;
using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>Exact amounts: every intermediate of an allocation is a fraction of fen, never a float (domain.md §4.1).</summary>
public sealed class FractionTests
{
    [Fact]
    public void FractionsAreKeptInLowestTermsWithAPositiveDenominator()
    {
        var half = Fraction.Of(-3, -6);
        var negative = Fraction.Of(4, -6);

        Assert.Equal((BigInteger.One, new BigInteger(2)), (half.Numerator, half.Denominator));
        Assert.Equal((new BigInteger(-2), new BigInteger(3)), (negative.Numerator, negative.Denominator));
        Assert.Equal(Fraction.Zero, Fraction.Of(0, 7));
        Assert.Equal(-1, negative.Sign);
    }

    [Fact]
    public void ZeroDenominatorIsRefused() => Assert.Throws<DivideByZeroException>(() => Fraction.Of(1, 0));

    [Fact]
    public void DefaultFractionReadsAsZero()
    {
        var unset = default(Fraction);

        Assert.True(unset.IsZero);
        Assert.Equal(BigInteger.One, unset.Denominator);
        Assert.Equal(Fraction.Zero, unset);
        Assert.Equal("0", unset.ToString());
    }

    [Theory]
    [InlineData("1.25", 5, 4)]
    [InlineData("-0.5", -1, 2)]
    [InlineData("12345678901234.56", 1_234_567_890_123_456, 100)]
    [InlineData("0", 0, 1)]
    public void DecimalsConvertExactly(string value, long numerator, long denominator) =>
        Assert.Equal(Fraction.Of(numerator, denominator), Fraction.From(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DecimalsBeyondSixtyFourBitsOfMantissaConvertExactly() =>
        Assert.Equal(Fraction.Of(BigInteger.Parse("79228162514264337593543950335"), 1), Fraction.From(decimal.MaxValue));

    [Theory]
    [InlineData(7, 2, 3, 1, 2)]
    [InlineData(-7, 2, -4, 1, 2)]
    [InlineData(-6, 2, -3, 0, 1)]
    [InlineData(1, 3, 0, 1, 3)]
    public void FloorAndFractionalPartSplitTowardsMinusInfinity(long numerator, long denominator, long floor, long remainderNum, long remainderDen)
    {
        var value = Fraction.Of(numerator, denominator);

        Assert.Equal(new BigInteger(floor), value.Floor());
        Assert.Equal(Fraction.Of(remainderNum, remainderDen), value.FractionalPart());
    }

    [Theory]
    [InlineData(1, 8, 2, "0.13")]
    [InlineData(-1, 8, 2, "-0.13")]
    [InlineData(1, 3, 4, "0.3333")]
    [InlineData(2, 3, 2, "0.67")]
    [InlineData(10_000, 3, 0, "3333")]
    public void DisplayRoundsHalfAwayFromZero(long numerator, long denominator, int decimals, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Fraction.Of(numerator, denominator).ToDecimal(decimals));

    [Fact]
    public void ArithmeticIsExact()
    {
        var third = Fraction.Of(1, 3);
        var quarter = Fraction.Of(1, 4);

        Assert.Equal(Fraction.Of(7, 12), third + quarter);
        Assert.Equal(Fraction.Of(1, 12), third - quarter);
        Assert.Equal(Fraction.Of(1, 12), third * quarter);
        Assert.Equal(Fraction.Of(4, 3), third / quarter);
        Assert.Equal(Fraction.Of(-1, 3), -third);
        Assert.Equal(Fraction.Of(7, 12), Fraction.Sum([third, quarter]));
        Assert.Equal(Fraction.Zero, Fraction.Sum([]));
        Assert.Equal(Fraction.One, third + third + third);
    }

    [Fact]
    public void ComparisonsFollowTheValueNotTheRepresentation()
    {
        var third = Fraction.Of(1, 3);
        var half = Fraction.Of(1, 2);

        Assert.True(third < half && half > third && third <= half && half >= third);
        Assert.False(third > half || half < third || third >= half || half <= third);
        Assert.True(half <= Fraction.Of(2, 4) && half >= Fraction.Of(2, 4));
        Assert.True(half == Fraction.Of(2, 4) && half != third);
        Assert.Equal(0, half.CompareTo(Fraction.Of(3, 6)));
        Assert.True(half.Equals((object)Fraction.Of(3, 6)));
        Assert.False(half.Equals((object)0.5m));
        Assert.Equal(half.GetHashCode(), Fraction.Of(3, 6).GetHashCode());
    }

    [Fact]
    public void TextShowsAWholeNumberOrNumeratorOverDenominator()
    {
        Assert.Equal("10000/3", Fraction.Of(10_000, 3).ToString());
        Assert.Equal("-5", Fraction.From(-5).ToString());
    }
}
