using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Contributions;

/// <summary>A period is called once, and each city's transfer carries a code that names the period and the city.</summary>
public sealed class ContributionCallTests
{
    [Fact]
    public void APeriodHasOneCallSoASecondCallCollides()
    {
        Assert.Equal(EntryIds.ForReference("contribution-call:2026-03"), ContributionCall.IdFor("2026-03"));
        Assert.NotEqual(ContributionCall.IdFor("2026-03"), ContributionCall.IdFor("2026-04"));
    }

    [Fact]
    public void TheCodeOnATransferNamesThePeriodAndTheCity() =>
        Assert.Equal("CC-2026-03-hangzhou", ContributionCall.CodeFor("2026-03", "hangzhou"));
}
