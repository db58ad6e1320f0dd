using CompensationFund.Api.Domain.Accounts;

namespace CompensationFund.Tests.Domain.Accounts;

/// <summary>
/// What each kind of account is (docs/compensation-fund.md §2): the slug journal entries refer to, its normal side, its
/// default floor, whether finance may post to it by hand, whether its floor guards the fund's money.
/// </summary>
public sealed class LedgerAccountKindTests
{
    [Theory]
    [InlineData(LedgerAccountKind.ContributionsReceivable, "contributions-receivable")]
    [InlineData(LedgerAccountKind.SettlementReceivable, "settlement-receivable")]
    [InlineData(LedgerAccountKind.SettlementPayable, "settlement-payable")]
    [InlineData(LedgerAccountKind.CompensationPayable, "compensation-payable")]
    [InlineData(LedgerAccountKind.DepositsHeld, "deposits-held")]
    [InlineData(LedgerAccountKind.PenaltiesReceivable, "penalties-receivable")]
    [InlineData(LedgerAccountKind.Bank, "bank")]
    [InlineData(LedgerAccountKind.Pool, "pool")]
    [InlineData(LedgerAccountKind.ThirdPartyPool, "third-party-pool")]
    [InlineData(LedgerAccountKind.Earmarked, "earmarked")]
    [InlineData(LedgerAccountKind.Clearing, "clearing")]
    [InlineData(LedgerAccountKind.ContributionsCalled, "contributions-called")]
    [InlineData(LedgerAccountKind.PenaltiesCharged, "penalties-charged")]
    [InlineData(LedgerAccountKind.UnappliedReceipts, "unapplied-receipts")]
    [InlineData(LedgerAccountKind.Income, "income")]
    [InlineData(LedgerAccountKind.Expense, "expense")]
    public void EveryKindHasAFixedSlugInAccountIds(LedgerAccountKind kind, string slug)
    {
        Assert.Equal(slug, kind.Slug());
        Assert.Equal($"city:hangzhou:{slug}", LedgerAccount.IdFor("hangzhou", kind));
    }

    [Fact]
    public void AKindOutsideTheEnumHasNoSlug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((LedgerAccountKind)99).Slug());

    [Theory]
    [InlineData(LedgerAccountKind.ContributionsReceivable, "Contributions receivable")]
    [InlineData(LedgerAccountKind.SettlementReceivable, "Settlement receivable")]
    [InlineData(LedgerAccountKind.SettlementPayable, "Settlement payable")]
    [InlineData(LedgerAccountKind.CompensationPayable, "Compensation payable")]
    [InlineData(LedgerAccountKind.DepositsHeld, "Deposits held")]
    [InlineData(LedgerAccountKind.PenaltiesReceivable, "Penalties receivable")]
    [InlineData(LedgerAccountKind.Clearing, "clearing")]
    public void AMemberAccountIsNamedInWordsAndAnyOtherByItsSlug(LedgerAccountKind kind, string name) =>
        Assert.Equal(name, kind.DisplayName());

    [Theory]
    [InlineData(LedgerAccountKind.Bank, true)]
    [InlineData(LedgerAccountKind.Pool, true)]
    [InlineData(LedgerAccountKind.ThirdPartyPool, true)]
    [InlineData(LedgerAccountKind.UnappliedReceipts, true)]
    [InlineData(LedgerAccountKind.Income, true)]
    [InlineData(LedgerAccountKind.Expense, true)]
    [InlineData(LedgerAccountKind.DepositsHeld, true)]
    [InlineData(LedgerAccountKind.ContributionsReceivable, false)]
    [InlineData(LedgerAccountKind.SettlementReceivable, false)]
    [InlineData(LedgerAccountKind.SettlementPayable, false)]
    [InlineData(LedgerAccountKind.CompensationPayable, false)]
    [InlineData(LedgerAccountKind.PenaltiesReceivable, false)]
    [InlineData(LedgerAccountKind.Earmarked, false)]
    [InlineData(LedgerAccountKind.Clearing, false)]
    [InlineData(LedgerAccountKind.ContributionsCalled, false)]
    [InlineData(LedgerAccountKind.PenaltiesCharged, false)]
    public void OnlyAccountsWithoutADomainRuleTakeManualEntries(LedgerAccountKind kind, bool manual) =>
        Assert.Equal(manual, kind.TakesManualEntries());

    [Theory]
    [InlineData(LedgerAccountKind.Bank, true)]
    [InlineData(LedgerAccountKind.Pool, true)]
    [InlineData(LedgerAccountKind.ThirdPartyPool, true)]
    [InlineData(LedgerAccountKind.Earmarked, true)]
    [InlineData(LedgerAccountKind.UnappliedReceipts, false)]
    [InlineData(LedgerAccountKind.DepositsHeld, false)]
    [InlineData(LedgerAccountKind.CompensationPayable, false)]
    [InlineData(LedgerAccountKind.Clearing, false)]
    [InlineData(LedgerAccountKind.Income, false)]
    public void TheBankThePoolsAndTheEarmarksGuardTheFundsMoney(LedgerAccountKind kind, bool guards) =>
        Assert.Equal(guards, kind.GuardsTheFundsMoney());

    [Theory]
    [InlineData(LedgerAccountKind.ContributionsReceivable, NormalSide.Debit)]
    [InlineData(LedgerAccountKind.SettlementReceivable, NormalSide.Debit)]
    [InlineData(LedgerAccountKind.PenaltiesReceivable, NormalSide.Debit)]
    [InlineData(LedgerAccountKind.Bank, NormalSide.Debit)]
    [InlineData(LedgerAccountKind.Expense, NormalSide.Debit)]
    [InlineData(LedgerAccountKind.SettlementPayable, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.CompensationPayable, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.DepositsHeld, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.Pool, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.ThirdPartyPool, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.Earmarked, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.Clearing, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.ContributionsCalled, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.PenaltiesCharged, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.UnappliedReceipts, NormalSide.Credit)]
    [InlineData(LedgerAccountKind.Income, NormalSide.Credit)]
    public void AssetsAndExpensesAreDebitNormalEverythingElseCreditNormal(LedgerAccountKind kind, NormalSide side) =>
        Assert.Equal(side, kind.NormalSide());

    [Theory]
    [InlineData(LedgerAccountKind.Bank, true)]
    [InlineData(LedgerAccountKind.Pool, true)]
    [InlineData(LedgerAccountKind.ThirdPartyPool, true)]
    [InlineData(LedgerAccountKind.Earmarked, true)]
    [InlineData(LedgerAccountKind.UnappliedReceipts, true)]
    [InlineData(LedgerAccountKind.CompensationPayable, true)]
    [InlineData(LedgerAccountKind.SettlementPayable, true)]
    [InlineData(LedgerAccountKind.DepositsHeld, true)]
    [InlineData(LedgerAccountKind.ContributionsReceivable, false)]
    [InlineData(LedgerAccountKind.SettlementReceivable, false)]
    [InlineData(LedgerAccountKind.PenaltiesReceivable, false)]
    [InlineData(LedgerAccountKind.Clearing, false)]
    [InlineData(LedgerAccountKind.ContributionsCalled, false)]
    [InlineData(LedgerAccountKind.PenaltiesCharged, false)]
    [InlineData(LedgerAccountKind.Income, false)]
    [InlineData(LedgerAccountKind.Expense, false)]
    public void MoneyTheFundHoldsOrOwesACityNeverGoesBelowZeroByDefault(LedgerAccountKind kind, bool floored) =>
        Assert.Equal(floored ? AccountLimit.NeverBelowZero : AccountLimit.None, kind.DefaultLimit());
}
