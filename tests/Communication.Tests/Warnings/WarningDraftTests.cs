using Communication.Api.Domain.Cap;
using Communication.Api.Domain.Warnings;
using Communication.Api.Features.Warnings;
using Communication.Tests.Cap;

namespace Communication.Tests.Warnings;

/// <summary>What the platform reads from a CAP message, and the CAP message it writes for a JSON warning, both ways.</summary>
public sealed class WarningDraftTests
{
    [Theory]
    [InlineData(SpecExamples.HomelandSecurityAdvisory, WarningLevel.Orange, WarningCategories.SocialSecurity, "Homeland Security Advisory System Update")]
    [InlineData(SpecExamples.SevereThunderstormWarning, WarningLevel.Orange, WarningCategories.NaturalDisaster, "SEVERE THUNDERSTORM")]
    [InlineData(SpecExamples.EarthquakeReportUpdate, WarningLevel.Blue, WarningCategories.NaturalDisaster, "Earthquake")]
    [InlineData(SpecExamples.AmberAlertMultilingual, WarningLevel.Orange, WarningCategories.SocialSecurity, "Child Abduction")]
    public void ReadsLevelCategoryAndEventFromTheSpecificationExamples(string example, WarningLevel level, string category, string @event)
    {
        var draft = WarningDraft.From(CapXml.Read(SpecExamples.Document(example)))!;

        Assert.Equal(level, draft.Level);
        Assert.Equal(category, draft.Category);
        Assert.Equal(@event, draft.Event);
    }

    [Fact]
    public void NamesNoMemberCityWhenTheAreaHasOnlyOtherGeocodes()
    {
        var draft = WarningDraft.From(CapXml.Read(SpecExamples.Document(SpecExamples.SevereThunderstormWarning)))!;

        Assert.Empty(draft.NamedCityIds);
        Assert.Equal(new DateTimeOffset(2003, 6, 17, 16, 0, 0, TimeSpan.FromHours(-7)), draft.Expires);
    }

    [Fact]
    public void NamesTheCitiesGivenAsCityIdGeocodes()
    {
        var alert = CapXml.Read(SpecExamples.Document(SpecExamples.SevereThunderstormWarning));
        var area = alert.Infos[0].Areas[0];
        var withCities = alert with
        {
            Infos = [alert.Infos[0] with { Areas = [area with { Geocodes = [.. area.Geocodes, new CapValue("city-id", "jiaxing"), new CapValue("city-id", "hangzhou")] }] }],
        };

        var draft = WarningDraft.From(withCities)!;

        Assert.Equal(["hangzhou", "jiaxing"], draft.NamedCityIds);
    }

    [Fact]
    public void HasNothingToReadFromAMessageWithoutInfo()
    {
        var alert = CapXml.Read(SpecExamples.Document(SpecExamples.HomelandSecurityAdvisory)) with { Infos = [] };

        Assert.Null(WarningDraft.From(alert));
    }

    [Theory]
    [InlineData("red")]
    [InlineData("orange")]
    [InlineData("yellow")]
    [InlineData("blue")]
    public void AJsonWarningComesBackFromItsCapMessageUnchanged(string level)
    {
        var request = new WarningRequest(
            null, null, WarningCategories.NaturalDisaster, level, "Flood", "Xin'an river rising", "The river is 2 m over the warning mark.",
            "Evacuate the low-lying districts.",
            new WarningAreaRequest("Xin'an river basin", ["29.7,118.3 29.9,118.9 30.3,119.9 29.7,118.3"], ["29.71,118.31 20"], ["hangzhou"]),
            ["jiaxing"], null, new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 7, 3, 8, 0, 0, TimeSpan.FromHours(8)));
        Assert.True(request.Validate().IsValid);

        var cap = request.ToCap("huangshan", "huangshan-1", new DateTimeOffset(2026, 7, 1, 6, 30, 12, 345, TimeSpan.Zero));
        var draft = WarningDraft.From(CapXml.Read(CapXml.Write(cap)))!;

        Assert.Equal(level, draft.Level.Name());
        Assert.Equal(WarningCategories.NaturalDisaster, draft.Category);
        Assert.Equal("Flood", draft.Event);
        Assert.Equal(["hangzhou", "jiaxing"], draft.NamedCityIds);
        Assert.Equal(request.Onset, draft.Onset);
        Assert.Equal(request.Expires, draft.Expires);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 6, 30, 12, TimeSpan.Zero), cap.Sent);
        Assert.Equal("Geo", Assert.Single(cap.Infos[0].Categories));
    }

    [Theory]
    [InlineData(null, "category")]
    [InlineData("purple", "level")]
    public void RefusesAJsonWarningWithoutACategoryOrWithAnUnknownLevel(string? levelOverride, string field)
    {
        var request = new WarningRequest(
            null, null, field == "category" ? null : WarningCategories.PublicHealth, levelOverride ?? "red", "Epidemic", null, null, null, null, null, null, null, null);

        var problem = request.Validate();

        Assert.False(problem.IsValid);
        var result = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>(problem.ToProblem());
        Assert.Contains(field, Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(result.ProblemDetails).Errors.Keys);
    }

    [Theory]
    [InlineData("29.7,118.3 29.9,118.9 29.7,118.3")]
    [InlineData("29.7,118.3 29.9,118.9 30.3,119.9 29.8,118.3")]
    [InlineData("95,118.3 29.9,118.9 30.3,119.9 95,118.3")]
    public void RefusesAPolygonThatIsNotClosedOrHasTooFewPoints(string polygon)
    {
        var request = new WarningRequest(null, null, WarningCategories.NaturalDisaster, "red", "Flood", null, null, null,
            new WarningAreaRequest(null, [polygon], null, null), null, null, null, null);

        Assert.False(request.Validate().IsValid);
    }

    [Fact]
    public void RequiresAnUpdateToNameWhatItReplaces()
    {
        var request = new WarningRequest(null, MsgTypes.Update, WarningCategories.NaturalDisaster, "red", "Flood", null, null, null, null, null, null, null, null);

        Assert.False(request.Validate().IsValid);
        Assert.True((request with { References = [Guid.NewGuid()] }).Validate().IsValid);
    }
}
