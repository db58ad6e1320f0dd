using System.Text.Json;
using System.Xml.Linq;
using Communication.Api.Domain.Cap;
using Communication.Api.Infrastructure.Cap;

namespace Communication.Tests.Cap;

/// <summary>CAP 1.2 XML in and out, on the specification's own example messages.</summary>
public sealed class CapXmlTests
{
    [Theory]
    [MemberData(nameof(SpecExamples.All), MemberType = typeof(SpecExamples))]
    public void AcceptsEverySpecificationExampleAsValid(string example)
    {
        var parsed = CapSchema.Parse(SpecExamples.Text(example));

        Assert.True(parsed.IsValid, parsed.Error);
    }

    [Theory]
    [MemberData(nameof(SpecExamples.All), MemberType = typeof(SpecExamples))]
    public void WritesBackEveryElementOfTheExampleExactly(string example)
    {
        var original = SpecExamples.Document(example);

        var written = CapXml.Write(CapXml.Read(original));

        Assert.Equal(original.Root!.ToString(SaveOptions.DisableFormatting), written.Root!.ToString(SaveOptions.DisableFormatting));
    }

    [Theory]
    [MemberData(nameof(SpecExamples.All), MemberType = typeof(SpecExamples))]
    public void WritesXmlTheSchemaAccepts(string example)
    {
        var written = CapXml.Write(CapXml.Read(SpecExamples.Document(example)));

        var parsed = CapSchema.Parse(written.Declaration + written.ToString());

        Assert.True(parsed.IsValid, parsed.Error);
    }

    [Theory]
    [MemberData(nameof(SpecExamples.All), MemberType = typeof(SpecExamples))]
    public void SurvivesTheJsonFormUnchanged(string example)
    {
        var alert = CapXml.Read(SpecExamples.Document(example));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var back = JsonSerializer.Deserialize<CapAlert>(JsonSerializer.Serialize(alert, options), options)!;

        Assert.Equal(CapXml.Write(alert).ToString(), CapXml.Write(back).ToString());
    }

    [Fact]
    public void ReadsTheFieldsOfTheThunderstormWarning()
    {
        var alert = CapXml.Read(SpecExamples.Document(SpecExamples.SevereThunderstormWarning));

        var info = Assert.Single(alert.Infos);
        Assert.Equal("KSTO1055887203", alert.Identifier);
        Assert.Equal(new DateTimeOffset(2003, 6, 17, 14, 57, 0, TimeSpan.FromHours(-7)), alert.Sent);
        Assert.Equal(["Shelter"], info.ResponseTypes);
        Assert.Equal(new DateTimeOffset(2003, 6, 17, 16, 0, 0, TimeSpan.FromHours(-7)), info.Expires);
        var area = Assert.Single(info.Areas);
        Assert.Equal(["38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14"], area.Polygons);
        Assert.Equal(["006109", "006009", "006003"], area.Geocodes.Select(g => g.Value));
    }

    [Fact]
    public void ReadsBothLanguagesOfTheAmberAlert()
    {
        var alert = CapXml.Read(SpecExamples.Document(SpecExamples.AmberAlertMultilingual));

        Assert.Equal(["en-US", "es-US"], alert.Infos.Select(i => i.Language));
        Assert.Equal("SW", alert.Source);
        Assert.Equal("Abducción de Niño", alert.Infos[1].Event);
    }

    [Fact]
    public void WritesTimesWithTheirOffsetAndWholeSeconds()
    {
        Assert.Equal("2003-06-11T20:56:00-07:00", CapXml.Format(new DateTimeOffset(2003, 6, 11, 20, 56, 0, TimeSpan.FromHours(-7))));
        Assert.Equal("2026-01-02T03:04:05+00:00", CapXml.Format(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
    }
}
