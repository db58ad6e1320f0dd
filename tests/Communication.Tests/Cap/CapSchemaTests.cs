using Communication.Api.Infrastructure.Cap;

namespace Communication.Tests.Cap;

/// <summary>Bad XML and schema violations are refused with the element at fault.</summary>
public sealed class CapSchemaTests
{
    [Fact]
    public void NamesTheElementWhoseValueTheSchemaDoesNotAllow()
    {
        var xml = SpecExamples.Text(SpecExamples.HomelandSecurityAdvisory).Replace("<status>Actual</status>", "<status>Real</status>", StringComparison.Ordinal);

        var parsed = CapSchema.Parse(xml);

        Assert.False(parsed.IsValid);
        Assert.Equal("status", parsed.Element);
    }

    [Fact]
    public void NamesTheElementThatIsOutOfPlace()
    {
        var xml = SpecExamples.Text(SpecExamples.HomelandSecurityAdvisory).Replace("<scope>Public</scope>", "<scope>Public</scope><colour>red</colour>", StringComparison.Ordinal);

        var parsed = CapSchema.Parse(xml);

        Assert.False(parsed.IsValid);
        Assert.Equal("colour", parsed.Element);
    }

    [Fact]
    public void RefusesATimeWithoutItsOffset()
    {
        var xml = SpecExamples.Text(SpecExamples.HomelandSecurityAdvisory).Replace("2003-04-02T14:39:01-05:00", "2003-04-02T14:39:01Z", StringComparison.Ordinal);

        var parsed = CapSchema.Parse(xml);

        Assert.Equal("sent", parsed.Element);
    }

    [Fact]
    public void NamesTheElementWhereMalformedXmlBreaks()
    {
        var parsed = CapSchema.Parse("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</identifer></alert>");

        Assert.False(parsed.IsValid);
        Assert.Equal("identifier", parsed.Element);
        Assert.Contains("Malformed XML", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesADocumentThatIsNotACapAlert()
    {
        var parsed = CapSchema.Parse("<alert><identifier>x</identifier></alert>");

        Assert.False(parsed.IsValid);
        Assert.Equal("alert", parsed.Element);
    }

    [Fact]
    public void RefusesADocumentTypeDeclaration()
    {
        var parsed = CapSchema.Parse("<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x \"y\">]><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">&x;</alert>");

        Assert.False(parsed.IsValid);
    }
}
