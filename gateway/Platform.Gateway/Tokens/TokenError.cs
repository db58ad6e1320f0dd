using OpenIddict.Abstractions;

namespace Platform.Gateway.Tokens;

/// <summary>
/// An error of the token endpoint with the codes of RFC 6749 §5.2 (not problem details: OAuth clients expect this
/// shape). OpenIddict writes it, with the status (401 and a <c>Basic</c> challenge for <c>invalid_client</c>).
/// </summary>
internal sealed record TokenError(string Error, string Description)
{
    public static TokenError InvalidRequest(string description) => new(OpenIddictConstants.Errors.InvalidRequest, description);

    public static TokenError InvalidClient(string description) => new(OpenIddictConstants.Errors.InvalidClient, description);

    public static TokenError UnsupportedGrantType(string description) => new(OpenIddictConstants.Errors.UnsupportedGrantType, description);
}
