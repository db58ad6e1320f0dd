namespace Platform.Gateway.Identity;

/// <summary>Where the gateway's identity provider answers (architecture.md §6). The paths are part of the contract with clients.</summary>
public static class IdentityPaths
{
    public const string Token = "/connect/token";
    public const string Authorize = "/connect/authorize";
    public const string EndSession = "/connect/endsession";
    public const string UserInfo = "/connect/userinfo";
    public const string Configuration = "/.well-known/openid-configuration";
    public const string Jwks = "/.well-known/jwks.json";
    public const string Login = "/account/login";

    /// <summary>The protocol endpoints and the sign-in page: anonymous callers, answered before (or without) authorization.</summary>
    public static bool IsAnsweredByIdentityProvider(PathString path) =>
        path.StartsWithSegments("/connect") || path.StartsWithSegments("/.well-known") || path.StartsWithSegments(Login);
}
