using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Contributions;

/// <summary>
/// The posting rules of contributions (docs/compensation-fund.md §7): a call is each city's receivable against
/// contributions called; money reaches the pool (or penalty income) only when received; an over-payment waits in
/// unapplied receipts.
/// </summary>
public sealed class ContributionPostingTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);

    private static Obligation Owed(ObligationKind kind, long amount, string code) =>
        new() { Id = Guid.NewGuid(), CityId = "a", Kind = kind, Amount = amount, DueDate = Due, Code = code };

    private static string Receivable(string city, LedgerAccountKind kind) => LedgerAccount.IdFor(city, kind);

    [Fact]
    public void ACallDebitsEachCitysReceivableInCityOrderAgainstContributionsCalled()
    {
        var lines = ContributionPosting.Call(new Dictionary<string, long> { ["wuxi"] = 300, ["changzhou"] = 200, ["nothing"] = 0 });

        Assert.Equal(
            [
                JournalLine.Debit("city:changzhou:contributions-receivable", 200),
                JournalLine.Debit("city:wuxi:contributions-receivable", 300),
                JournalLine.Credit(FundAccounts.ContributionsCalled, 500),
            ],
            lines);
    }

    [Fact]
    public void AContributionReceivedFillsThePoolAndSettlesTheReceivable()
    {
        var contribution = Owed(ObligationKind.Contribution, 1_000, "CC-1");

        var lines = ContributionPosting.Receipt("a", PaymentApplication.Apply(1_000, [contribution]));

        Assert.Equal(
            [
                JournalLine.Debit(FundAccounts.Bank, 1_000),
                JournalLine.Credit(FundAccounts.Pool, 1_000),
                JournalLine.Debit(FundAccounts.ContributionsCalled, 1_000),
                JournalLine.Credit(Receivable("a", LedgerAccountKind.ContributionsReceivable), 1_000),
            ],
            lines);
    }

    [Fact]
    public void APenaltyReceivedIsTheFundsIncome()
    {
        var penalty = Owed(ObligationKind.Penalty, 40, "LP-1");

        var lines = ContributionPosting.Receipt("a", PaymentApplication.Apply(40, [penalty]));

        Assert.Equal(
            [
                JournalLine.Debit(FundAccounts.Bank, 40),
                JournalLine.Credit(FundAccounts.PenaltyIncome, 40),
                JournalLine.Debit(FundAccounts.PenaltiesCharged, 40),
                JournalLine.Credit(Receivable("a", LedgerAccountKind.PenaltiesReceivable), 40),
            ],
            lines);
    }

    [Fact]
    public void AClawbackReceivedReturnsToThePool()
    {
        var clawback = Owed(ObligationKind.Clawback, 70, "CB-1");

        var lines = ContributionPosting.Receipt("a", PaymentApplication.Apply(70, [clawback]));

        Assert.Equal(
            [
                JournalLine.Debit(FundAccounts.Bank, 70),
                JournalLine.Credit(FundAccounts.Pool, 70),
                JournalLine.Debit(FundAccounts.PenaltiesCharged, 70),
                JournalLine.Credit(Receivable("a", LedgerAccountKind.PenaltiesReceivable), 70),
            ],
            lines);
    }

    [Fact]
    public void OnePaymentOverTwoContributionsPostsOnceForTheirSumAndTheRestAsUnappliedReceipts()
    {
        var first = Owed(ObligationKind.Contribution, 100, "CC-1");
        var second = Owed(ObligationKind.Contribution, 200, "CC-2");

        var lines = ContributionPosting.Receipt("a", PaymentApplication.Apply(350, [first, second]));

        Assert.Equal(
            [
                JournalLine.Debit(FundAccounts.Bank, 350),
                JournalLine.Credit(FundAccounts.Pool, 300),
                JournalLine.Debit(FundAccounts.ContributionsCalled, 300),
                JournalLine.Credit(Receivable("a", LedgerAccountKind.ContributionsReceivable), 300),
                JournalLine.Credit(FundAccounts.UnappliedReceipts, 50),
            ],
            lines);
    }

    [Fact]
    public void MoneyFromACityThatOwesNothingWaitsWhollyInUnappliedReceipts() =>
        Assert.Equal(
            [JournalLine.Debit(FundAccounts.Bank, 25), JournalLine.Credit(FundAccounts.UnappliedReceipts, 25)],
            ContributionPosting.Receipt("a", PaymentApplication.Apply(25, [])));

    [Fact]
    public void APenaltyChargedIsTheCitysReceivableAgainstPenaltiesCharged() =>
        Assert.Equal(
            [JournalLine.Debit("city:a:penalties-receivable", 90), JournalLine.Credit(FundAccounts.PenaltiesCharged, 90)],
            ContributionPosting.Charge("a", 90));
}
