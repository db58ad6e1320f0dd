using FinanceConsole.Web.Localization;
using Xunit;

namespace FinanceConsole.Tests.Unit;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("40", 40.00)]
    [InlineData("1,234.56", 1234.56)]
    [InlineData("¥ 0.01", 0.01)]
    [InlineData(" 7.5 ", 7.5)]
    public void ReadsAmountsExactToTheFen(string typed, double expected) =>
        Assert.Equal((decimal)expected, Money.Parse(typed));

    [Theory]
    [InlineData("1.234")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1e3")]
    public void RefusesWhatIsNotAPositiveAmountExactToTheFenInsteadOfRounding(string? typed) =>
        Assert.Null(Money.Parse(typed));

    [Theory]
    [InlineData(1234567.5, "¥1,234,567.50")]
    [InlineData(0, "¥0.00")]
    [InlineData(-20000.01, "¥-20,000.01")]
    public void WritesYuanWithTwoDecimalsAndThousandsSeparators(double amount, string expected) =>
        Assert.Equal(expected, Money.Yuan((decimal)amount));
}
