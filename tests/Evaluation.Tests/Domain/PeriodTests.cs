using Evaluation.Api.Domain.Rounds;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>The periods participant rounds cover, as half-open UTC intervals.</summary>
public sealed class PeriodTests
{
    [Theory]
    [InlineData("2026", "2026-01-01", "2027-01-01")]
    [InlineData("2026-H1", "2026-01-01", "2026-07-01")]
    [InlineData("2026-H2", "2026-07-01", "2027-01-01")]
    [InlineData("2026-Q3", "2026-07-01", "2026-10-01")]
    [InlineData("2026-12", "2026-12-01", "2027-01-01")]
    [InlineData("2026-01", "2026-01-01", "2026-02-01")]
    [InlineData("2026-Q1", "2026-01-01", "2026-04-01")]
    [InlineData("2026-Q4", "2026-10-01", "2027-01-01")]
    [InlineData("2000", "2000-01-01", "2001-01-01")]
    [InlineData("2999-12", "2999-12-01", "3000-01-01")]
    public void PeriodIsAHalfOpenInterval(string name, string start, string end)
    {
        var period = Period.Parse(name)!;

        Assert.Equal(name, period.Name);
        Assert.Equal((DateTimeOffset.Parse(start + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(end + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
        Assert.True(period.Contains(period.Start));
        Assert.False(period.Contains(period.End));
        Assert.False(period.Contains(period.Start.AddTicks(-1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-H3")]
    [InlineData("2026-Q5")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("1999")]
    [InlineData("3000")]
    [InlineData("x2026")]
    [InlineData("26")]
    [InlineData("2026-H1x")]
    public void MalformedPeriodsAreNull(string? name) => Assert.Null(Period.Parse(name));
}
