using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Gateway.Identity.Login;
using Platform.Gateway.Identity.People;
using Platform.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Gateway.Identity.Endpoints;

/// <summary>
/// <c>/connect/authorize</c> once OpenIddict has checked the client, its redirect URI and the PKCE challenge: a person
/// not signed in at the gateway is sent to the sign-in page and back here; a signed-in person gets a code for the
/// console (no consent page: the console is the platform's own, first-party client).
/// </summary>
public static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, AuthSettings auth, PersonDirectory people)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(PersonCookie.Scheme);
        var username = session.Principal?.FindFirst(PlatformClaims.Subject)?.Value;
        var person = username is null ? null : await people.FindAsync(username, context.RequestAborted);
        if (person is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Nobody is signed in.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var back = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? [.. context.Request.Form] : [.. context.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [PersonCookie.Scheme]);
        }

        return Results.SignIn(
            TokenPrincipals.ForPerson(person, auth.Audience, request.GetScopes()),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
