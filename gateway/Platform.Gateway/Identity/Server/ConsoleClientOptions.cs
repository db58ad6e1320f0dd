namespace Platform.Gateway.Identity.Server;

/// <summary>
/// The finance console, the one OpenID Connect client people sign in through (section <c>Identity:Console</c>): a
/// confidential client using the authorization code flow with PKCE, served behind the gateway at <c>/console</c>.
/// </summary>
public sealed class ConsoleClientOptions
{
    public const string SectionName = "Identity:Console";
    public const string DevelopmentSecret = "console-dev-secret";

    public string ClientId { get; set; } = "finance-console";

    /// <summary>Its secret; Development falls back to <see cref="DevelopmentSecret"/>, elsewhere no secret means no console client.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The gateway's public address the console is served under; defaults to <c>Auth:Issuer</c>.</summary>
    public string? BaseUrl { get; set; }

    public string RedirectUri => Base + "/console/signin-oidc";

    public string PostLogoutRedirectUri => Base + "/console/signout-callback-oidc";

    public bool Enabled => !string.IsNullOrEmpty(ClientSecret);

    private string Base => (BaseUrl ?? "").TrimEnd('/');
}
