using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Tokens;

/// <summary>Finds the registered client and checks its secret (reads the registrations live, so a reload adds or removes clients).</summary>
public sealed class ClientAuthenticator(IOptionsMonitor<TokenIssuerOptions> options)
{
    /// <summary>
    /// An unknown client id is checked against this hash too, so the time taken does not tell an attacker
    /// which client ids exist.
    /// </summary>
    private static readonly Lazy<string> UnknownClientHash =
        new(() => SecretHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    public RegisteredClient? Authenticate(string clientId, string clientSecret)
    {
        var client = options.CurrentValue.Clients.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));
        var verified = SecretHasher.Verify(clientSecret, client?.SecretHash ?? UnknownClientHash.Value);
        return verified ? client : null;
    }
}
