using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Compensation;

/// <summary>Third-party money: earmarked into its own sub-account or general into the pool, released only for its purpose.</summary>
public sealed class ThirdPartyDepositTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EarmarkedMoneyGetsItsOwnSubAccountAndANormalizedPurpose()
    {
        var id = Guid.NewGuid();

        var deposit = ThirdPartyDeposit.Receive(id, "Ministry", 100_000, " Flood-Prevention ", "upstream only", new DateOnly(2026, 4, 30), Now);

        Assert.True(deposit.IsEarmarked);
        Assert.Equal(("flood-prevention", $"fund:third-party:{id:N}"), (deposit.Purpose, deposit.Account));
        Assert.Equal((100_000L, 0L, new DateOnly(2026, 4, 30), Now), (deposit.Amount, deposit.Released, deposit.ReceivedOn, deposit.RecordedAt));
    }

    [Fact]
    public void GeneralMoneyJoinsTheIncentivePool()
    {
        var deposit = ThirdPartyDeposit.Receive(Guid.NewGuid(), "Donor", 5_000, "General", null, new DateOnly(2026, 4, 30), Now);

        Assert.False(deposit.IsEarmarked);
        Assert.Equal("fund:third-party", deposit.Account);
    }

    [Fact]
    public void ReleaseForThePurposeCountsWhatIsReleased()
    {
        var deposit = ThirdPartyDeposit.Receive(Guid.NewGuid(), "Ministry", 100_000, "flood-prevention", null, new DateOnly(2026, 4, 30), Now);

        deposit.Release("FLOOD-PREVENTION", 30_000);
        deposit.Release("flood-prevention", 20_000);

        Assert.Equal(50_000, deposit.Released);
    }

    [Fact]
    public void ReleaseForAnotherPurposeIsRefusedAndReleasesNothing()
    {
        var deposit = ThirdPartyDeposit.Receive(Guid.NewGuid(), "Ministry", 100_000, "flood-prevention", "upstream only", new DateOnly(2026, 4, 30), Now);

        var refused = Assert.Throws<FundRuleException>(() => deposit.Release("training", 1));

        Assert.Equal("Earmarked for another purpose", refused.Title);
        Assert.Contains("upstream only", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, deposit.Released);
    }

    [Fact]
    public void GeneralMoneyIsNotReleasedByPurpose()
    {
        var deposit = ThirdPartyDeposit.Receive(Guid.NewGuid(), "Donor", 5_000, "general", null, new DateOnly(2026, 4, 30), Now);

        Assert.Equal("Not earmarked", Assert.Throws<FundRuleException>(() => deposit.Release("general", 1)).Title);
    }

    [Fact]
    public void TheRefusalsNameTheDepositItsDonorAndItsPurpose()
    {
        var id = new Guid("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        var earmarked = ThirdPartyDeposit.Receive(id, "Ministry", 100_000, "flood-prevention", null, new DateOnly(2026, 4, 30), Now);
        var general = ThirdPartyDeposit.Receive(id, "Donor", 5_000, "general", null, new DateOnly(2026, 4, 30), Now);

        Assert.Equal(
            $"Deposit {id} from Ministry is earmarked for 'flood-prevention'; it cannot be released for 'training'.",
            Assert.Throws<FundRuleException>(() => earmarked.Release(" Training ", 1)).Message);
        Assert.Equal(
            $"Deposit {id} is general incentive money; rewards draw on it, it is not released by purpose.",
            Assert.Throws<FundRuleException>(() => general.Release("general", 1)).Message);
    }
}
