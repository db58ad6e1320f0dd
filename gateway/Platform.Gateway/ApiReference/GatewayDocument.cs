using System.Text.Json.Nodes;
using Platform.ServiceDefaults.Api;

namespace Platform.Gateway.ApiReference;

/// <summary>
/// A service's OpenAPI document as the gateway presents it: its server is the gateway (the only address callers can
/// reach), and besides the service's <c>bearer</c> scheme it offers <c>oauth2</c> with the client credentials flow
/// against the token endpoint, so the reference page can fetch a token itself.
/// </summary>
public static class GatewayDocument
{
    public const string OAuth2Scheme = "oauth2";

    public static JsonObject Present(JsonObject serviceDocument, string gatewayUrl, string? tokenUrl, string? service = null)
    {
        var document = (JsonObject)serviceDocument.DeepClone();
        document["servers"] = new JsonArray(new JsonObject { ["url"] = gatewayUrl, ["description"] = "Platform gateway" });
        IntroduceEvents(document, gatewayUrl, service);
        if (tokenUrl is null)
        {
            return document;
        }

        var components = document["components"] as JsonObject ?? [];
        document["components"] = components;
        var schemes = components["securitySchemes"] as JsonObject ?? [];
        components["securitySchemes"] = schemes;
        schemes[OAuth2Scheme] = new JsonObject
        {
            ["type"] = "oauth2",
            ["description"] = "OAuth 2.0 client credentials (RFC 6749 §4.4): a registered client's id and secret.",
            ["flows"] = new JsonObject
            {
                ["clientCredentials"] = new JsonObject { ["tokenUrl"] = tokenUrl, ["scopes"] = new JsonObject() },
            },
        };

        foreach (var operation in Operations(document))
        {
            if (operation["security"] is JsonArray security
                && security.OfType<JsonObject>().Any(r => r.ContainsKey(AuthorizationDocumentation.SchemeName)))
            {
                operation["security"] = new JsonArray(
                    new JsonObject { [OAuth2Scheme] = new JsonArray() },
                    new JsonObject { [AuthorizationDocumentation.SchemeName] = new JsonArray() });
            }
        }

        return document;
    }

    /// <summary>
    /// Appends to the introduction the integration events the service publishes, linked to the AsyncAPI document. The
    /// gateway's cluster ids are the producers' names (<c>compensation-fund</c>), as the events' wire names begin.
    /// </summary>
    private static void IntroduceEvents(JsonObject document, string gatewayUrl, string? service)
    {
        var published = AsyncApi.EventCatalog.All.Where(e => e.Producer == service).ToList();
        if (published.Count == 0 || document["info"] is not JsonObject info)
        {
            return;
        }

        info["description"] = $"{(string?)info["description"]}\n\n## Events it publishes (发布的事件)\n\nOn Kafka topic `{published[0].Topic}`, "
            + $"described in the [AsyncAPI document]({gatewayUrl}{ApiReferenceEndpoints.AsyncApiPath}): "
            + string.Join(", ", published.Select(e => $"`{e.Name}` v{e.Version}")) + ".";
    }

    private static IEnumerable<JsonObject> Operations(JsonObject document) =>
        (document["paths"] as JsonObject ?? [])
            .Select(p => p.Value).OfType<JsonObject>()
            .SelectMany(path => path.Where(o => o.Key != "parameters" && o.Value is JsonObject).Select(o => (JsonObject)o.Value!));
}
