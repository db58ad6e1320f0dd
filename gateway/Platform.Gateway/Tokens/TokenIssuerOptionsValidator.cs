using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tokens;

/// <summary>
/// Refuses to start with a client registration that would issue ambiguous tokens: an unknown role, a city
/// client without its city, a city id on a non-city client, a duplicate id or a secret stored in clear. With the
/// issuer turned off, refuses to start unless some other source of keys is configured (an external OpenID Connect
/// provider in <c>Auth:Authority</c>, or <c>Auth:SigningKeys</c>): otherwise every call would be refused.
/// </summary>
internal sealed class TokenIssuerOptionsValidator(AuthSettings auth) : IValidateOptions<TokenIssuerOptions>
{
    private const int MaxLifetimeSeconds = 24 * 60 * 60;

    public ValidateOptionsResult Validate(string? name, TokenIssuerOptions options)
    {
        if (!options.Enabled)
        {
            return string.IsNullOrWhiteSpace(auth.Authority) && auth.SigningKeys.Count == 0
                ? ValidateOptionsResult.Fail(
                    "TokenIssuer:Enabled is false but neither Auth:Authority (the external OpenID Connect provider) nor Auth:SigningKeys is set: no token could be validated.")
                : ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.LifetimeSeconds is <= 0 or > MaxLifetimeSeconds)
        {
            errors.Add($"TokenIssuer:LifetimeSeconds must be between 1 and {MaxLifetimeSeconds}.");
        }

        foreach (var duplicate in options.Clients.GroupBy(c => c.ClientId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Client '{duplicate.Key}' is registered more than once.");
        }

        errors.AddRange(options.Clients.SelectMany(Problems));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Problems(RegisteredClient client)
    {
        var who = $"Client '{client.ClientId}'";
        if (string.IsNullOrWhiteSpace(client.ClientId))
        {
            yield return "A registered client has no ClientId.";
        }

        if (!SecretHasher.IsWellFormed(client.SecretHash))
        {
            yield return $"{who}: SecretHash is not a '{SecretHasher.Scheme}$<iterations>$<salt>$<hash>' value (run 'hash-secret').";
        }

        if (!PlatformRoles.All.Contains(client.Role))
        {
            yield return $"{who}: Role '{client.Role}' is not one of {string.Join(", ", PlatformRoles.All)}.";
        }

        if ((client.Role == PlatformRoles.City) != !string.IsNullOrWhiteSpace(client.CityId))
        {
            yield return $"{who}: CityId is required for role 'city' and allowed for no other role.";
        }

        if ((client.Role == PlatformRoles.Evaluator) != !string.IsNullOrWhiteSpace(client.EvaluatorId))
        {
            yield return $"{who}: EvaluatorId is required for role 'evaluator' and allowed for no other role.";
        }
    }
}
