using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Tests.Domain.Money;

/// <summary>The edge of the ledger's range, and converting an amount that must be exact.</summary>
public sealed class FenTests
{
    [Fact]
    public void TheLargestAmountIsTenTrillionYuanExactly()
    {
        Assert.True(Fen.TryFromYuan(10_000_000_000_000m, out var largest));
        Assert.Equal(Fen.MaxAmount, largest);
        Assert.True(Fen.TryFromYuan(-10_000_000_000_000m, out var smallest));
        Assert.Equal(-Fen.MaxAmount, smallest);
    }

    [Fact]
    public void AnAmountThatMustBeExactIsConvertedOrRefused()
    {
        Assert.Equal(1_230, Fen.FromYuan(12.30m));

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Fen.FromYuan(0.001m));

        Assert.Equal(("yuan", 0.001m), (refused.ParamName, refused.ActualValue));
        Assert.StartsWith("Not an exact amount of fen within range.", refused.Message, StringComparison.Ordinal);
    }
}
