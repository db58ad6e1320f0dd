using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Gateway.Identity.Login;
using Platform.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Gateway.Identity.Endpoints;

/// <summary>Sign-out (OpenID Connect RP-Initiated Logout 1.0) and the user info endpoint (OpenID Connect Core §5.3).</summary>
public static class SessionEndpoints
{
    /// <summary>Ends the gateway's session (its cookie), then OpenIddict sends the browser to the console's post-logout address.</summary>
    public static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(PersonCookie.Scheme);
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = IdentityPaths.Login },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The claims of the access token OpenIddict validated: who the person is and what role they hold.</summary>
    public static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token is missing or not valid.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in new[] { Claims.Subject, Claims.Name, PlatformClaims.Role, PlatformClaims.CityId, PlatformClaims.EvaluatorId })
        {
            if (principal.GetClaim(type) is { } value)
            {
                claims[type] = value;
            }
        }

        return Results.Json(claims);
    }
}
