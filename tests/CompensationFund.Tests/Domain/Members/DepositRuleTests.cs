using CompensationFund.Api.Domain.Members;

namespace CompensationFund.Tests.Domain.Members;

/// <summary>The deposit a city must hold grows as its trust falls (domain.md §4.3).</summary>
public sealed class DepositRuleTests
{
    [Theory]
    [InlineData("A", 500_000)]
    [InlineData("B", 1_000_000)]
    [InlineData("C", 1_500_000)]
    [InlineData("D", 2_000_000)]
    [InlineData("M", 1_000_000)]
    [InlineData("unheard-of", 1_000_000)]
    public void RequiredIsTheBaseTimesTheTiersFactor(string tier, long required) =>
        Assert.Equal(required, DepositRule.Required(1_000_000, tier));

    [Fact]
    public void AFractionOfAFenIsRoundedDown() => Assert.Equal(0, DepositRule.Required(1, "A"));
}
