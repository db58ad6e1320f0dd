using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;

namespace Platform.Gateway.Tokens;

/// <summary>
/// <c>POST /connect/token</c>: the OAuth 2.0 client credentials grant (RFC 6749 §4.4). The request is checked
/// before the client is authenticated, so malformed requests cost no secret hashing.
/// </summary>
internal static class TokenEndpoint
{
    public const string Path = "/connect/token";
    public const string Realm = "platform-gateway";
    public const string ClientCredentialsGrant = "client_credentials";

    public static async Task<IResult> HandleAsync(HttpContext context, ClientAuthenticator clients, AccessTokenIssuer issuer)
    {
        // RFC 6749 §5.1: token responses, errors included, must not be cached.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return TokenError.InvalidRequest("The request body must be application/x-www-form-urlencoded.").ToResult(context.Response);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            return TokenError.InvalidRequest($"The form body is malformed: {e.Message}").ToResult(context.Response);
        }

        if (form.FirstOrDefault(p => p.Value.Count > 1) is { Key: not null } repeated)
        {
            return TokenError.InvalidRequest($"Parameter '{repeated.Key}' is repeated (RFC 6749 §3.2).").ToResult(context.Response);
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return TokenError.InvalidRequest("grant_type is required.").ToResult(context.Response);
        }

        if (grantType != ClientCredentialsGrant)
        {
            return TokenError.UnsupportedGrantType($"Only the '{ClientCredentialsGrant}' grant is supported.").ToResult(context.Response);
        }

        if (!ClientCredentials.TryRead(context.Request, form, out var credentials, out var error))
        {
            return error.ToResult(context.Response);
        }

        var client = clients.Authenticate(credentials.ClientId, credentials.ClientSecret);
        if (client is null)
        {
            return TokenError.InvalidClient("Unknown client or wrong secret.").ToResult(context.Response);
        }

        var token = issuer.Issue(client);
        return Results.Json(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresInSeconds));
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
