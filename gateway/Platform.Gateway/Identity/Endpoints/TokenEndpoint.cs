using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Gateway.Identity.People;
using Platform.Gateway.Tokens;
using Platform.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Gateway.Identity.Endpoints;

/// <summary>
/// <c>POST /connect/token</c> once OpenIddict has checked the request and the client (<c>TokenRequestValidation</c>):
/// says who the token is for. For a code or a refresh token the person is read again, so a removed person or a changed
/// role takes effect at the next refresh.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, IOptionsMonitor<TokenIssuerOptions> issuer, AuthSettings auth, PersonDirectory people)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = issuer.CurrentValue.Clients.Single(c => string.Equals(c.ClientId, request.ClientId, StringComparison.Ordinal));
            return Results.SignIn(TokenPrincipals.ForClient(client, auth.Audience), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var username = granted.Principal?.GetClaim(Claims.Subject);
        var person = username is null ? null : await people.FindAsync(username, context.RequestAborted);
        if (person is null)
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person this grant was issued to is no longer registered.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        return Results.SignIn(
            TokenPrincipals.ForPerson(person, auth.Audience, granted.Principal!.GetScopes()),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
