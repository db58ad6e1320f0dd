using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>An origin city's report is checked against the tightest reporting duty of its responsibility list (domain.md §3.1).</summary>
public sealed class ReportingCheckTests
{
    private static readonly DateTimeOffset Occurred = new(2026, 7, 1, 6, 0, 0, TimeSpan.Zero);

    private static readonly AgreementTerms Terms = new(
        ["up", "mid", "down"],
        new Dictionary<string, AllocationRule>(),
        30,
        new SettlementTerms(15, "clearing"),
        [
            new Responsibility("up",
            [
                new Duty(null, "report any incident", 6, []),
                new Duty("natural-disaster", "report a rising river", 2, []),
                new Duty("chemical-spill", "report a spill at once", 1, []),
                new Duty("natural-disaster", "provide pumps", null, ["2 pumping teams"]),
            ]),
            new Responsibility("mid", [new Duty("chemical-spill", "report a spill", 1, [])]),
            new Responsibility("down", [new Duty(null, "report", 1, [])]),
        ],
        null);

    [Theory]
    [InlineData(2.0, false)]
    [InlineData(2.01, true)]
    [InlineData(0.5, false)]
    public void TightestDutyForTheCategoryDecidesWhetherTheReportWasLate(double hoursAfter, bool late)
    {
        var reportedAt = Occurred.AddHours(hoursAfter);

        var check = Assert.Single(ReportingCheck.For(Terms, "natural-disaster", Occurred, [Origin("up", reportedAt)]));

        Assert.Equal(new ReportingCheck("up", reportedAt, 2, Occurred.AddHours(2), late), check);
    }

    [Fact]
    public void DutiesOfOtherCategoriesAndOtherCitiesDoNotApply()
    {
        var reportedAt = Occurred.AddHours(30);

        var check = Assert.Single(ReportingCheck.For(Terms, "natural-disaster", Occurred, [Origin("mid", reportedAt)]));

        Assert.Equal(new ReportingCheck("mid", reportedAt, null, null, false), check);
    }

    [Fact]
    public void CitiesThatGaveNoReportTimeAreNotChecked()
    {
        var checks = ReportingCheck.For(Terms, "natural-disaster", Occurred, [Origin("up", null), Origin("down", Occurred.AddHours(3))]);

        Assert.Equal([("down", true)], checks.Select(c => (c.CityId, c.Late)));
    }

    private static Participant Origin(string cityId, DateTimeOffset? reportedAt) => new(cityId, Side.Origin, 1m, null, null, null, null, null, reportedAt);
}
