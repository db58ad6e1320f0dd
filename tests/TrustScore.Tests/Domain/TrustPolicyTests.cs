using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;

namespace TrustScore.Tests.Domain;

/// <summary>
/// The weights and discounts of the trust mechanism (domain.md §4.3: each commitment has a weight and a verification source;
/// §3.4: breaking faith must cost more than keeping it).
/// </summary>
public sealed class TrustPolicyTests
{
    [Theory]
    [InlineData(CommitmentKind.Settlement, 3)]
    [InlineData(CommitmentKind.Contribution, 2)]
    [InlineData(CommitmentKind.OriginReport, 2)]
    [InlineData(CommitmentKind.Evaluation, 2)]
    [InlineData(CommitmentKind.InformationSharing, 1)]
    [InlineData(CommitmentKind.Pledge, 1)]
    [InlineData(CommitmentKind.WarningAcknowledgement, 1)]
    public void MoneySettledWeighsMostThenContributionsReportsAndEvaluations(CommitmentKind kind, double weight) =>
        Assert.Equal(weight, TrustPolicy.WeightOf(kind));

    [Theory]
    [InlineData("red", 2)]
    [InlineData("RED", 2)]
    [InlineData("orange", 1.5)]
    [InlineData("Yellow", 1)]
    [InlineData("blue", 0.5)]
    public void AWarningsAcknowledgementWeighsByItsLevel(string level, double weight) =>
        Assert.Equal(weight, TrustPolicy.WeightOfWarning(level));

    [Theory]
    [InlineData(VerificationSource.ThirdParty, 1)]
    [InlineData(VerificationSource.Joint, 1)]
    [InlineData(VerificationSource.Counterparty, 0.75)]
    [InlineData(VerificationSource.Self, 0.5)]
    public void WeakerSourcesCountLess(VerificationSource source, double discount) =>
        Assert.Equal(discount, TrustPolicy.DiscountOf(source));

    [Fact]
    public void TheDefaultsAreAWeekOfGraceAndAQuarterBeforeRepair()
    {
        Assert.Equal(TimeSpan.FromDays(7), TrustPolicy.Default.GracePeriod);
        Assert.Equal(TimeSpan.FromDays(90), TrustPolicy.Default.RepairWaitingPeriod);
        Assert.Equal(Forgetting.DefaultHalfLifeDays, TrustPolicy.Default.Forgetting.HalfLifeDays);
    }

    [Fact]
    public void ASettlementCommitmentIsNamedByTheFirstAllocationAndTheCity() =>
        Assert.Equal(
            "settlement:3f2504e0-4f89-11d3-9a0c-0305e82c3301:hangzhou",
            AllocationRecord.CommitmentId(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "hangzhou"));
}
