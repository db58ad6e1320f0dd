using CompensationFund.Api.Domain.Money;
using CsCheck;

namespace CompensationFund.Tests.Domain;

/// <summary>Yuan to fen and back: exact, never rounded (domain.md §4.1).</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("0.01", 1)]
    [InlineData("12.30", 1230)]
    [InlineData("100000000.00", 10_000_000_000)]
    [InlineData("-5.5", -550)]
    public void ExactYuanBecomesWholeFen(string yuan, long fen)
    {
        Assert.True(Fen.TryFromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), out var actual));
        Assert.Equal(fen, actual);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("12.345")]
    [InlineData("10000000000000.01")]
    public void FractionsOfAFenOrHugeAmountsAreRefusedNotRounded(string yuan) =>
        Assert.False(Fen.TryFromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), out _));

    [Fact]
    public void FenRoundTripsThroughYuanWithTwoDecimals() =>
        Gen.Long[-Fen.MaxAmount, Fen.MaxAmount].Sample(fen =>
        {
            var yuan = Fen.ToYuan(fen);
            Assert.Equal(2, yuan.Scale);
            Assert.True(Fen.TryFromYuan(yuan, out var back));
            Assert.Equal(fen, back);
        });
}
