using CompensationFund.Api.Domain.Accounts;

namespace CompensationFund.Tests.Domain;

/// <summary>
/// The limit rule over every small balance: a floor holds against the balance with every lowering reservation posted,
/// a ceiling against the balance with every raising one posted (TigerBeetle's rule with pending amounts counted).
/// </summary>
public sealed class AccountLimitTests
{
    private static readonly long[] Counters = [0, 1, 2, 5];
    private static readonly long?[] Bounds = [null, -3, 0, 2, 4];

    public static IEnumerable<AccountBalance> SmallBalances() =>
        from dp in Counters
        from cp in Counters
        from dq in Counters
        from cq in Counters
        select new AccountBalance(dp, cp, dq, cq);

    [Fact]
    public void CreditNormalFloorCountsPendingDebits()
    {
        foreach (var b in SmallBalances())
        {
            foreach (var floor in Bounds)
            {
                var expected = floor is null || b.CreditsPosted - b.DebitsPosted - b.DebitsPending >= floor;
                Assert.Equal(expected, new AccountLimit(floor, null).Admits(b, NormalSide.Credit));
            }
        }
    }

    [Fact]
    public void DebitNormalFloorCountsPendingCredits()
    {
        foreach (var b in SmallBalances())
        {
            foreach (var floor in Bounds)
            {
                var expected = floor is null || b.DebitsPosted - b.CreditsPosted - b.CreditsPending >= floor;
                Assert.Equal(expected, new AccountLimit(floor, null).Admits(b, NormalSide.Debit));
            }
        }
    }

    [Fact]
    public void CeilingCountsPendingAmountsThatRaiseTheBalance()
    {
        foreach (var b in SmallBalances())
        {
            foreach (var ceiling in Bounds)
            {
                Assert.Equal(ceiling is null || b.CreditsPosted + b.CreditsPending - b.DebitsPosted <= ceiling, new AccountLimit(null, ceiling).Admits(b, NormalSide.Credit));
                Assert.Equal(ceiling is null || b.DebitsPosted + b.DebitsPending - b.CreditsPosted <= ceiling, new AccountLimit(null, ceiling).Admits(b, NormalSide.Debit));
            }
        }
    }

    [Fact]
    public void BothBoundsMustHold()
    {
        foreach (var b in SmallBalances())
        {
            foreach (var side in new[] { NormalSide.Debit, NormalSide.Credit })
            {
                foreach (var floor in Bounds)
                {
                    foreach (var ceiling in Bounds)
                    {
                        var both = new AccountLimit(floor, ceiling).Admits(b, side);
                        Assert.Equal(new AccountLimit(floor, null).Admits(b, side) && new AccountLimit(null, ceiling).Admits(b, side), both);
                    }
                }
            }
        }
    }

    [Fact]
    public void PoolNeverBelowZeroRefusesTheFirstFenTooMany()
    {
        var funded = new AccountBalance(DebitsPosted: 0, CreditsPosted: 100, DebitsPending: 0, CreditsPending: 0);
        Assert.True(AccountLimit.NeverBelowZero.Admits(funded with { DebitsPending = 100 }, NormalSide.Credit));
        Assert.False(AccountLimit.NeverBelowZero.Admits(funded with { DebitsPending = 100, DebitsPosted = 1 }, NormalSide.Credit));
        Assert.True(AccountLimit.NeverBelowZero.Admits(funded with { CreditsPending = 1_000 }, NormalSide.Credit));
    }
}
