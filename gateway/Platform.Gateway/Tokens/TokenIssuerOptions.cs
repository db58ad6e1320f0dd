namespace Platform.Gateway.Tokens;

/// <summary>
/// The gateway's own OAuth 2.0 token issuer (section <c>TokenIssuer</c>). Turned off
/// (<c>Enabled = false</c>) where an external OpenID Connect provider issues the tokens.
/// </summary>
public sealed class TokenIssuerOptions
{
    public const string SectionName = "TokenIssuer";

    public bool Enabled { get; set; } = true;

    /// <summary>The RSA private key (PEM) tokens are signed with; in Development an ephemeral one is made when absent.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>
    /// The key that signs after the next rotation (PEM, public or private): published in the JWKS and trusted by the
    /// gateway now, so caches and services know it before the switch.
    /// </summary>
    public string? NextSigningKeyPem { get; set; }

    public int LifetimeSeconds { get; set; } = 600;

    public List<RegisteredClient> Clients { get; set; } = [];
}

/// <summary>A client allowed to obtain tokens with its id and secret, and what its tokens say about it.</summary>
public sealed class RegisteredClient
{
    public string ClientId { get; set; } = "";

    /// <summary>The secret as <see cref="SecretHasher"/> stores it; never the secret itself.</summary>
    public string SecretHash { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>Set for role <c>city</c> only: the city the client acts for.</summary>
    public string? CityId { get; set; }

    /// <summary>Set for role <c>evaluator</c> only: the third-party evaluator the client is.</summary>
    public string? EvaluatorId { get; set; }

    public string? Description { get; set; }
}
