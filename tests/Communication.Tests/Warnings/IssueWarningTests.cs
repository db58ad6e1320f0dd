using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Communication.Tests.Support;

namespace Communication.Tests.Warnings;

/// <summary>Issuing warnings over HTTP: JSON and CAP 1.2 XML in, both out; bad input refused with nothing stored.</summary>
public sealed class IssueWarningTests(CommunicationFixture fixture) : IClassFixture<CommunicationFixture>
{
    [Fact]
    public async Task IssuesAJsonWarningToTheNamedCitiesAndServesItAsCapXml()
    {
        var huangshan = fixture.City("huangshan");

        var issued = await huangshan.IssueAsync(Support.Warnings.Json(level: "red", cityIds: ["hangzhou", "jiaxing"]));

        Assert.Equal(["hangzhou", "jiaxing"], issued.GetProperty("reachedCityIds").Strings());
        Assert.Equal(("red", "Extreme", "Immediate"), (issued.GetProperty("level").GetString(), issued.GetProperty("severity").GetString(), issued.GetProperty("urgency").GetString()));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/communication/warnings/{issued.GetProperty("id").GetGuid()}");
        request.Headers.Accept.ParseAdd("application/cap+xml");
        using var xml = await fixture.City("hangzhou").SendAsync(request);
        Assert.Equal("application/cap+xml", xml.Content.Headers.ContentType?.MediaType);
        var cap = XDocument.Parse(await xml.Content.ReadAsStringAsync());
        XNamespace ns = "urn:oasis:names:tc:emergency:cap:1.2";
        Assert.Equal("huangshan", cap.Root!.Element(ns + "sender")!.Value);
        Assert.Equal("Extreme", cap.Descendants(ns + "severity").Single().Value);
        Assert.Equal(["hangzhou", "jiaxing"], cap.Descendants(ns + "geocode").Where(g => g.Element(ns + "valueName")!.Value == "city-id").Select(g => g.Element(ns + "value")!.Value));
    }

    [Theory]
    [InlineData("application/cap+xml")]
    [InlineData("application/xml")]
    public async Task IssuesACapXmlWarningAndServesItAsJson(string mediaType)
    {
        var identifier = $"HZ-{Guid.NewGuid():N}";
        using var response = await fixture.City("hangzhou").PostXmlAsync(Support.Warnings.CapXml("hangzhou@gov.cn", identifier, "Severe", cityIds: ["huzhou"]), mediaType);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var warning = await fixture.City("huzhou").GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal(identifier, warning.GetProperty("identifier").GetString());
        Assert.Equal("orange", warning.GetProperty("level").GetString());
        Assert.Equal("natural-disaster", warning.GetProperty("category").GetString());
        Assert.Equal(["huzhou"], warning.GetProperty("reachedCityIds").Strings());
    }

    [Fact]
    public async Task RefusesMalformedCapWithTheElementAndStoresNothing()
    {
        var before = await fixture.WarningWritesAsync();
        var broken = Support.Warnings.CapXml("hangzhou", "HZ-broken").Replace("</event>", "</evnt>", StringComparison.Ordinal);

        using var response = await fixture.City("hangzhou").PostXmlAsync(broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("event", out _), problem.ToString());
        Assert.Equal(before, await fixture.WarningWritesAsync());
    }

    [Fact]
    public async Task RefusesASchemaViolationWithTheElementAndStoresNothing()
    {
        var before = await fixture.WarningWritesAsync();

        using var response = await fixture.City("hangzhou").PostXmlAsync(Support.Warnings.CapXml("hangzhou", "HZ-bad-severity", severity: "Catastrophic"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("severity", out _), problem.ToString());
        Assert.Equal(before, await fixture.WarningWritesAsync());
    }

    [Fact]
    public async Task RefusesACityIssuingAsAnotherCity()
    {
        var before = await fixture.WarningWritesAsync();

        using var json = await fixture.City("huzhou").PostAsJsonAsync("/api/communication/warnings", Support.Warnings.Json(senderCityId: "hangzhou"));
        using var xml = await fixture.City("huzhou").PostXmlAsync(Support.Warnings.CapXml("hangzhou@gov.cn", "HZ-forged"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (json.StatusCode, xml.StatusCode));
        Assert.Equal(before, await fixture.WarningWritesAsync());
    }

    [Fact]
    public async Task RefusesTheCoordinatorIssuingWarnings()
    {
        using var response = await fixture.Coordinator().PostAsJsonAsync("/api/communication/warnings", Support.Warnings.Json());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RefusesASecondWarningWithTheSameIdentifier()
    {
        var xml = Support.Warnings.CapXml("jiaxing", $"JX-{Guid.NewGuid():N}");
        using var first = await fixture.City("jiaxing").PostXmlAsync(xml);

        using var second = await fixture.City("jiaxing").PostXmlAsync(xml);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task HidesAWarningFromACityItDoesNotReach()
    {
        var issued = await fixture.City("huangshan").IssueAsync(Support.Warnings.Json(cityIds: ["hangzhou"]));

        using var response = await fixture.City("ningbo").GetAsync($"/api/communication/warnings/{issued.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
