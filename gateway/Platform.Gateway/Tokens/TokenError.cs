using System.Text.Json.Serialization;

namespace Platform.Gateway.Tokens;

/// <summary>An error response of the token endpoint as RFC 6749 §5.2 defines it (not problem details: OAuth clients expect this shape).</summary>
internal sealed record TokenError(string Error, string Description, int StatusCode)
{
    public static TokenError InvalidRequest(string description) => new("invalid_request", description, StatusCodes.Status400BadRequest);

    public static TokenError InvalidClient(string description) => new("invalid_client", description, StatusCodes.Status401Unauthorized);

    public static TokenError UnsupportedGrantType(string description) =>
        new("unsupported_grant_type", description, StatusCodes.Status400BadRequest);

    public IResult ToResult(HttpResponse response)
    {
        if (StatusCode == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = $"{ClientCredentials.BasicScheme} realm=\"{TokenEndpoint.Realm}\", charset=\"UTF-8\"";
        }

        return Results.Json(new Body(Error, Description), statusCode: StatusCode);
    }

    private sealed record Body(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string Description);
}
