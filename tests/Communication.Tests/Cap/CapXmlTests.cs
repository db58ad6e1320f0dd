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

    /// <summary>Every optional element CAP 1.2 §3.2 defines, in the schema's order, none of which the Appendix A examples use.</summary>
    private const string EveryOptionalElement = """
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>huangshan-7</identifier>
          <sender>huangshan@alliance</sender>
          <sent>2026-07-01T08:00:00+08:00</sent>
          <status>Exercise</status>
          <msgType>Alert</msgType>
          <source>drill desk</source>
          <scope>Restricted</scope>
          <restriction>alliance members only</restriction>
          <addresses>hangzhou jiaxing</addresses>
          <code>drill-2026</code>
          <code>xin-an</code>
          <note>Annual flood drill.</note>
          <references>huangshan@alliance,huangshan-6,2026-06-30T08:00:00+08:00</references>
          <incidents>flood-2026-07</incidents>
          <info>
            <language>zh-CN</language>
            <category>Met</category>
            <category>Infra</category>
            <event>Flood</event>
            <responseType>Evacuate</responseType>
            <responseType>Monitor</responseType>
            <urgency>Expected</urgency>
            <severity>Severe</severity>
            <certainty>Possible</certainty>
            <audience>riverside residents</audience>
            <eventCode>
              <valueName>level</valueName>
              <value>orange</value>
            </eventCode>
            <effective>2026-07-01T08:00:00+08:00</effective>
            <onset>2026-07-01T20:00:00+08:00</onset>
            <expires>2026-07-03T08:00:00+08:00</expires>
            <senderName>Huangshan flood office</senderName>
            <headline>Xin'an river rising</headline>
            <description>The river is 2 m over the warning mark.</description>
            <instruction>Evacuate the low-lying districts.</instruction>
            <web>https://huangshan.example/flood</web>
            <contact>flood office 0559-0000</contact>
            <parameter>
              <valueName>gauge</valueName>
              <value>Tunxi 2.1 m</value>
            </parameter>
            <resource>
              <resourceDesc>Inundation map</resourceDesc>
              <mimeType>image/png</mimeType>
              <size>20480</size>
              <uri>https://huangshan.example/map.png</uri>
              <derefUri>iVBORw0KGgo=</derefUri>
              <digest>2fd4e1c67a2d28fced849ee1bb76e7391b93eb12</digest>
            </resource>
            <area>
              <areaDesc>Xin'an river basin</areaDesc>
              <polygon>29.7,118.3 29.9,118.9 30.3,119.9 29.7,118.3</polygon>
              <polygon>29.6,118.2 29.8,118.8 29.6,118.2 29.6,118.2</polygon>
              <circle>29.71,118.31 20</circle>
              <geocode>
                <valueName>city-id</valueName>
                <value>hangzhou</value>
              </geocode>
              <altitude>120.5</altitude>
              <ceiling>800</ceiling>
            </area>
          </info>
        </alert>
        """;

    [Fact]
    public void ReadsAndWritesBackEveryOptionalElement()
    {
        Assert.True(CapSchema.Parse(EveryOptionalElement).IsValid, CapSchema.Parse(EveryOptionalElement).Error);
        var original = XDocument.Parse(EveryOptionalElement);

        var alert = CapXml.Read(original);
        var written = CapXml.Write(alert);

        Assert.Equal(original.Root!.ToString(SaveOptions.DisableFormatting), written.Root!.ToString(SaveOptions.DisableFormatting));
        Assert.Equal(("alliance members only", "hangzhou jiaxing", "Annual flood drill.", "flood-2026-07"), (alert.Restriction, alert.Addresses, alert.Note, alert.Incidents));
        Assert.Equal(["drill-2026", "xin-an"], alert.Codes);
        var info = Assert.Single(alert.Infos);
        Assert.Equal(("zh-CN", "riverside residents"), (info.Language, info.Audience));
        Assert.Equal(["Met", "Infra"], info.Categories);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.FromHours(8)), info.Effective);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 20, 0, 0, TimeSpan.FromHours(8)), info.Onset);
        var resource = Assert.Single(info.Resources);
        Assert.Equal((20480L, "iVBORw0KGgo=", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"), (resource.Size!.Value, resource.DerefUri, resource.Digest));
        var area = Assert.Single(info.Areas);
        Assert.Equal((120.5m, 800m), (area.Altitude!.Value, area.Ceiling!.Value));
        Assert.Equal(["29.71,118.31 20"], area.Circles);
        Assert.Equal(2, area.Polygons.Count);
    }

    [Fact]
    public void WritesTimesWithTheirOffsetAndWholeSeconds()
    {
        Assert.Equal("2003-06-11T20:56:00-07:00", CapXml.Format(new DateTimeOffset(2003, 6, 11, 20, 56, 0, TimeSpan.FromHours(-7))));
        Assert.Equal("2026-01-02T03:04:05+00:00", CapXml.Format(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
    }
}
