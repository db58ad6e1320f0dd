using Communication.Api.Domain.Acknowledgements;
using Communication.Api.Domain.Warnings;

namespace Communication.Tests.Warnings;

/// <summary>The four colours against CAP severity and urgency, and the acknowledgement deadline each sets.</summary>
public sealed class WarningLevelTests
{
    [Theory]
    [InlineData(WarningLevel.Red, "Extreme", "Immediate")]
    [InlineData(WarningLevel.Orange, "Severe", "Expected")]
    [InlineData(WarningLevel.Yellow, "Moderate", "Expected")]
    [InlineData(WarningLevel.Blue, "Minor", "Future")]
    public void MapsEachColourToItsCapSeverityAndUrgencyAndBack(WarningLevel level, string severity, string urgency)
    {
        Assert.Equal(severity, level.Severity());
        Assert.Equal(urgency, level.Urgency());
        Assert.Equal(level, WarningLevels.FromSeverity(severity));
    }

    [Fact]
    public void ReadsAnUnknownSeverityAsBlue()
    {
        Assert.Equal(WarningLevel.Blue, WarningLevels.FromSeverity("Unknown"));
    }

    [Theory]
    [InlineData("red", WarningLevel.Red)]
    [InlineData(" Orange ", WarningLevel.Orange)]
    [InlineData("YELLOW", WarningLevel.Yellow)]
    [InlineData("blue", WarningLevel.Blue)]
    public void ParsesTheColourNames(string name, WarningLevel level)
    {
        Assert.True(WarningLevels.TryParse(name, out var parsed));
        Assert.Equal(level, parsed);
        Assert.Equal(name.Trim().ToLowerInvariant(), parsed.Name());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("purple")]
    public void RefusesOtherNames(string? name)
    {
        Assert.False(WarningLevels.TryParse(name, out _));
    }

    [Theory]
    [InlineData(WarningLevel.Red, 15)]
    [InlineData(WarningLevel.Orange, 30)]
    [InlineData(WarningLevel.Yellow, 120)]
    [InlineData(WarningLevel.Blue, 1440)]
    public void SetsTheDefaultDeadlinesOfTheIssue(WarningLevel level, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), AcknowledgementDeadlines.Default.For(level));
    }

    [Fact]
    public void UsesConfiguredDeadlines()
    {
        var deadlines = new AcknowledgementDeadlines(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40));

        Assert.Equal(
            [5, 10, 20, 40],
            new[] { WarningLevel.Red, WarningLevel.Orange, WarningLevel.Yellow, WarningLevel.Blue }.Select(l => deadlines.For(l).TotalMinutes));
    }

    [Theory]
    [InlineData("Geo", WarningCategories.NaturalDisaster)]
    [InlineData("Met", WarningCategories.NaturalDisaster)]
    [InlineData("Health", WarningCategories.PublicHealth)]
    [InlineData("CBRNE", WarningCategories.AccidentDisaster)]
    [InlineData("Transport", WarningCategories.AccidentDisaster)]
    [InlineData("Security", WarningCategories.SocialSecurity)]
    [InlineData("Rescue", WarningCategories.SocialSecurity)]
    [InlineData("Other", WarningCategories.Emerging)]
    public void ReadsTheRiskCategoryOfACapCategory(string cap, string category)
    {
        Assert.Equal(category, WarningCategories.FromCap([cap]));
    }

    [Theory]
    [MemberData(nameof(Categories))]
    public void WritesEachRiskCategoryAsACapCategoryThatReadsBack(string category)
    {
        Assert.Equal(category, WarningCategories.FromCap([WarningCategories.ToCap(category)]));
    }

    public static TheoryData<string> Categories => [.. WarningCategories.All];
}
