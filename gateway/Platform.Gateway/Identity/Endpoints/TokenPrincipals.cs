using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Gateway.Identity.People;
using Platform.Gateway.Tokens;
using Platform.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Gateway.Identity.Endpoints;

/// <summary>
/// What a token says about its bearer (architecture.md §6): <c>sub</c>, <c>role</c> and <c>city_id</c> or
/// <c>evaluator_id</c>, for the services' audience. A machine client is its own subject; a person is their username,
/// so two people approving through the console count as two approvers. OpenIddict adds <c>client_id</c>.
/// </summary>
public static class TokenPrincipals
{
    public static ClaimsPrincipal ForClient(RegisteredClient client, string audience)
    {
        var identity = NewIdentity();
        identity.AddClaim(new Claim(PlatformClaims.Subject, client.ClientId));
        AddRoleClaims(identity, client.Role, client.CityId, client.EvaluatorId);
        return Finish(identity, audience, []);
    }

    public static ClaimsPrincipal ForPerson(Person person, string audience, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.AddClaim(new Claim(PlatformClaims.Subject, person.Id));
        identity.AddClaim(new Claim(Claims.Name, person.DisplayName));
        AddRoleClaims(identity, person.Role, person.CityId, person.EvaluatorId);
        return Finish(identity, audience, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, PlatformClaims.Role);

    private static void AddRoleClaims(ClaimsIdentity identity, string role, string? cityId, string? evaluatorId)
    {
        identity.AddClaim(new Claim(PlatformClaims.Role, role));
        if (!string.IsNullOrWhiteSpace(cityId))
        {
            identity.AddClaim(new Claim(PlatformClaims.CityId, cityId));
        }

        if (!string.IsNullOrWhiteSpace(evaluatorId))
        {
            identity.AddClaim(new Claim(PlatformClaims.EvaluatorId, evaluatorId));
        }
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, string audience, IEnumerable<string> scopes)
    {
        var principal = new ClaimsPrincipal(identity);
        principal.SetAudiences(audience);
        principal.SetScopes(scopes);
        // Every claim goes into the access token, which the services read; the ID token (for the console) gets them too.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return principal;
    }
}
