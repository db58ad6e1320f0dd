using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Ledger;

/// <summary>Sides are written and read back under one pair of names.</summary>
public sealed class SideNamesTests
{
    [Fact]
    public void LineAndNormalSidesAreNamedAlike()
    {
        Assert.Equal(("debit", "credit"), (SideNames.Of(LineSide.Debit), SideNames.Of(LineSide.Credit)));
        Assert.Equal(("debit", "credit"), (SideNames.Of(NormalSide.Debit), SideNames.Of(NormalSide.Credit)));
    }

    [Theory]
    [InlineData("debit", LineSide.Debit)]
    [InlineData("credit", LineSide.Credit)]
    [InlineData("Debit", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void OnlyTheExactNamesAreRead(string? name, LineSide? side) => Assert.Equal(side, SideNames.Parse(name));
}
