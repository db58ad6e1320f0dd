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

    public static JsonObject Present(JsonObject serviceDocument, string gatewayUrl, string? tokenUrl)
    {
        var document = (JsonObject)serviceDocument.DeepClone();
        document["servers"] = new JsonArray(new JsonObject { ["url"] = gatewayUrl, ["description"] = "Platform gateway" });
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

    private static IEnumerable<JsonObject> Operations(JsonObject document) =>
        (document["paths"] as JsonObject ?? [])
            .Select(p => p.Value).OfType<JsonObject>()
            .SelectMany(path => path.Where(o => o.Key != "parameters" && o.Value is JsonObject).Select(o => (JsonObject)o.Value!));
}
