using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Platform.Gateway.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Gateway.Identity.Server;

/// <summary>
/// Authenticates the client of a token request (OpenIddict's degraded mode leaves this to the application): a machine
/// client of <c>TokenIssuer:Clients</c> with its hashed secret and the client credentials grant only, the console with
/// its secret and the authorization code and refresh token grants only. Runs before OpenIddict's own checks, so a
/// machine client asking for another grant learns that its grant is unsupported, as it always has.
/// </summary>
public sealed class TokenRequestValidation(
    IOptionsMonitor<TokenIssuerOptions> issuer, IOptionsMonitor<ConsoleClientOptions> console, ClientAuthenticator clients)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<TokenRequestValidation>()
            .SetOrder(int.MinValue + 10_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var grant = context.Request.GrantType;
        if (string.IsNullOrEmpty(grant))
        {
            return default; // OpenIddict answers invalid_request.
        }

        var clientId = context.ClientId ?? "";
        var secret = context.Request.ClientSecret ?? "";
        var machine = issuer.CurrentValue.Clients.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));
        if (machine is not null)
        {
            if (grant != GrantTypes.ClientCredentials)
            {
                context.Reject(Errors.UnsupportedGrantType, $"Client '{clientId}' may use the '{GrantTypes.ClientCredentials}' grant only.");
            }
            else if (secret.Length == 0)
            {
                context.Reject(Errors.InvalidRequest, "client_id and client_secret must be given together.");
            }
            else if (clients.Authenticate(clientId, secret) is null)
            {
                context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
            }

            return default;
        }

        var consoleClient = console.CurrentValue;
        if (consoleClient.Enabled && string.Equals(clientId, consoleClient.ClientId, StringComparison.Ordinal))
        {
            if (grant is not (GrantTypes.AuthorizationCode or GrantTypes.RefreshToken))
            {
                context.Reject(Errors.UnsupportedGrantType, $"Client '{clientId}' may use the authorization code and refresh token grants only.");
            }
            else if (!SameSecret(secret, consoleClient.ClientSecret!))
            {
                context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
            }

            return default;
        }

        // Spends the time a known client would take, so the answer's delay does not tell which client ids exist.
        _ = clients.Authenticate(clientId, secret);
        context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
        return default;
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
