using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Members;

namespace CompensationFund.Tests.Domain.Members;

/// <summary>A city's deposit payment: money in, in the fund's currency, from the bank into the city's deposits held.</summary>
public sealed class DepositPaymentTests
{
    [Fact]
    public void PaymentDebitsTheBankAndCreditsTheCitysDepositsHeld()
    {
        var lines = DepositPayment.Lines("wuxi", 150_000, "CNY");

        Assert.Equal(
            [JournalLine.Debit("fund:bank", 150_000), JournalLine.Credit("city:wuxi:deposits-held", 150_000)],
            lines);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NothingOrMoneyOutIsNotAPayment(long amount)
    {
        var refused = Assert.Throws<FundRuleException>(() => DepositPayment.Lines("wuxi", amount, "CNY"));

        Assert.Equal("Not a payment", refused.Title);
        Assert.False(refused.IsConflict);
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("cny")]
    public void AnotherCurrencyThanTheFundsIsRefused(string currency)
    {
        var refused = Assert.Throws<FundRuleException>(() => DepositPayment.Lines("wuxi", 100, currency));

        Assert.Equal("Wrong currency", refused.Title);
    }

    [Fact]
    public void TheRefusalsSayWhatIsTakenInstead()
    {
        Assert.Equal(
            "A deposit payment brings money in; -1.00 does not. A refund is a manual entry.",
            Assert.Throws<FundRuleException>(() => DepositPayment.Lines("wuxi", -100, "CNY")).Message);
        Assert.Equal(
            "The fund keeps its books in CNY; a deposit paid in 'USD' is not taken.",
            Assert.Throws<FundRuleException>(() => DepositPayment.Lines("wuxi", 100, "USD")).Message);
    }
}
