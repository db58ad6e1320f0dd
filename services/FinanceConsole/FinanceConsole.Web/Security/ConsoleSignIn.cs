using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Platform.ServiceDefaults.Security;

namespace FinanceConsole.Web.Security;

/// <summary>
/// People sign in at the gateway's issuer (authorization code with PKCE, a confidential client) and the console keeps
/// their tokens in its own encrypted cookie, so each call to a service carries the person's own access token and the
/// services see who acted (approval quorums count people, docs/compensation-fund.md §15).
/// </summary>
/// <remarks>
/// Implementation note: the console's session lives no longer than the access token it holds. When the token has
/// expired the cookie is rejected and the next page signs in again, silently while the issuer's own session lasts;
/// a refresh would keep a session alive after the person signed out at the issuer.
/// </remarks>
public static class ConsoleSignIn
{
    private static readonly string[] Scopes = ["openid", "profile", "roles", "offline_access"];
    private static readonly string[] CopiedClaims = [PlatformClaims.Role, PlatformClaims.CityId, PlatformClaims.EvaluatorId, "name"];

    public static IServiceCollection AddConsoleSignIn(this IServiceCollection services, ConsoleSettings settings, IWebHostEnvironment environment)
    {
        services.AddConsolePolicies();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "finance-console";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.AccessDeniedPath = "/forbidden";
                o.Events.OnValidatePrincipal = RejectWhenTokenExpiredAsync;
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = settings.Gateway.ToString().TrimEnd('/');
                // Plain HTTP to the issuer only on this machine or in development (the tests and the app host run without TLS).
                o.RequireHttpsMetadata = !(settings.Gateway.IsLoopback || environment.IsDevelopment());
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
                // The correlation and nonce cookies come back on a same-site redirect from the gateway's own sign-in page.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnTokenValidated = CopyAccessTokenClaims;
            });
        return services;
    }

    /// <summary>
    /// The access token is what the services authorize on; its role and city claims are copied to the console's
    /// principal, so the console shows exactly what the services will allow.
    /// </summary>
    private static Task CopyAccessTokenClaims(TokenValidatedContext context)
    {
        var accessToken = context.TokenEndpointResponse?.AccessToken;
        if (context.Principal?.Identity is not ClaimsIdentity identity || string.IsNullOrEmpty(accessToken))
        {
            return Task.CompletedTask;
        }

        var handler = new JwtSecurityTokenHandler();
        if (!handler.CanReadToken(accessToken))
        {
            return Task.CompletedTask;
        }

        var token = handler.ReadJwtToken(accessToken);
        foreach (var claim in token.Claims.Where(c => CopiedClaims.Contains(c.Type)))
        {
            if (!identity.HasClaim(claim.Type, claim.Value))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }

        return Task.CompletedTask;
    }

    private static async Task RejectWhenTokenExpiredAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is not null && DateTimeOffset.TryParse(expiresAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var expires)
            && expires <= DateTimeOffset.UtcNow.AddSeconds(30))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
