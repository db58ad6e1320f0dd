using CostSharing.Api.Domain.Allocation;
using Xunit;

namespace CostSharing.Tests.Allocation;

/// <summary>The API speaks yuan with two places, the engine whole fen (domain.md §4.1).</summary>
public sealed class FenTests
{
    [Theory]
    [InlineData("12.34", 1_234)]
    [InlineData("0.01", 1)]
    [InlineData("10000000000000", 1_000_000_000_000_000)]
    public void YuanConvertToWholeFenAndBack(string yuan, long fen)
    {
        var amount = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(Fen.HasAtMostTwoDecimals(amount));
        Assert.Equal(fen, Fen.FromYuan(amount));
        Assert.Equal(amount, Fen.ToYuan(fen));
    }

    [Fact]
    public void YuanWithMoreThanTwoDecimalsAreRefused()
    {
        Assert.False(Fen.HasAtMostTwoDecimals(1.234m));
        Assert.Contains("more than two decimal places", Assert.Throws<ArgumentException>(() => Fen.FromYuan(1.234m)).Message);
    }
}
