using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Communication.Tests.Support;

/// <summary>Warnings as tests send them: JSON bodies, CAP 1.2 XML, and the exposure graph they are reached by.</summary>
public static class Warnings
{
    public static object Json(string level = "red", string category = "natural-disaster", string[]? cityIds = null, string msgType = "Alert", Guid[]? references = null, string? senderCityId = null) => new
    {
        senderCityId,
        msgType,
        category,
        level,
        @event = "Flood",
        headline = "Xin'an river above the warning mark",
        instruction = "Evacuate the low-lying districts along the river.",
        area = new { description = "Xin'an river basin", polygons = new[] { "29.7,118.3 29.9,118.9 30.3,119.9 29.7,118.3" }, cityIds = cityIds ?? [] },
        references,
        onset = DateTimeOffset.UtcNow,
        expires = DateTimeOffset.UtcNow.AddDays(2),
    };

    public static string CapXml(string sender, string identifier, string severity = "Extreme", string msgType = "Alert", string? references = null, params string[] cityIds) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>{identifier}</identifier>
          <sender>{sender}</sender>
          <sent>2026-07-01T08:00:00+08:00</sent>
          <status>Actual</status>
          <msgType>{msgType}</msgType>
          <scope>Public</scope>
          {(references is null ? "" : $"<references>{references}</references>")}
          <info>
            <category>Met</category>
            <event>Typhoon</event>
            <urgency>Immediate</urgency>
            <severity>{severity}</severity>
            <certainty>Likely</certainty>
            <headline>Typhoon landfall expected</headline>
            <instruction>Stay indoors.</instruction>
            <area>
              <areaDesc>Coastal districts</areaDesc>
              <circle>30.25,120.16 50</circle>
              {string.Concat(cityIds.Select(c => $"<geocode><valueName>city-id</valueName><value>{c}</value></geocode>"))}
            </area>
          </info>
        </alert>
        """;

    public static async Task<HttpResponseMessage> PostXmlAsync(this HttpClient client, string xml, string mediaType = "application/cap+xml") =>
        await client.PostAsync("/api/communication/warnings", new StringContent(xml, Encoding.UTF8, mediaType));

    public static async Task<JsonElement> IssueAsync(this HttpClient client, object warning)
    {
        using var response = await client.PostAsJsonAsync("/api/communication/warnings", warning);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>The Xin'an river: huangshan → hangzhou → jiaxing; the wind from huangshan to xuancheng. Huzhou is unrelated.</summary>
    public static async Task PublishRiverGraphAsync(this HttpClient coordinator)
    {
        using var response = await coordinator.PutAsJsonAsync("/api/communication/exposure-graph", new
        {
            edges = new[]
            {
                new { fromCityId = "huangshan", toCityId = "hangzhou", kind = "river-downstream" },
                new { fromCityId = "hangzhou", toCityId = "jiaxing", kind = "river-downstream" },
                new { fromCityId = "huangshan", toCityId = "xuancheng", kind = "downwind" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static List<string> Strings(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
