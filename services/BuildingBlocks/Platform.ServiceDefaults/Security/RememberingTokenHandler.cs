using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// JWT validation that remembers the tokens it found valid until they expire. A client sends the same token with every
/// request for the token's lifetime; verifying its RSA signature again each time was about 5 % of the fund's CPU per
/// posted entry (docs/compensation-fund.md §12).
/// </summary>
/// <remarks>
/// Implementation note: used only with the fixed keys of the configuration (<c>Auth:SigningKeys</c>), never with an
/// authority, whose discovery document can withdraw a key (<see cref="AuthenticationExtensions"/>). The token's exact
/// text is the key: the same characters are the same header, claims and signature, which against the same fixed keys,
/// issuer, audience and algorithms validate the same way every time — except the lifetime, which is checked anew on
/// every use, with the clock skew, as the full validation does. A remembered answer is used only for a call that gives
/// the same issuer and audience and still holds the key object that verified the signature; otherwise the token is
/// validated in full. Each request gets its own copy of the identity, so nothing one request adds to it reaches
/// another. At most <see cref="Capacity"/> tokens are kept; when full, all are forgotten and the memory refills.
/// </remarks>
public sealed class RememberingTokenHandler : JsonWebTokenHandler
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Remembered> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        if (token is not null && _valid.TryGetValue(token, out var known) && known.StillHolds(validationParameters))
        {
            return Copy(known.Result);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (token is not null && result.IsValid)
        {
            if (_valid.Count >= Capacity)
            {
                _valid.Clear();
            }

            _valid[token] = new Remembered(Copy(result), validationParameters.ValidIssuer, validationParameters.ValidAudience);
        }

        return result;
    }

    /// <summary>A valid token's result, and the issuer and audience it was validated for.</summary>
    private sealed record Remembered(TokenValidationResult Result, string? Issuer, string? Audience)
    {
        /// <summary>
        /// Within its lifetime now, and the call trusts what it was validated with: the same issuer and audience, and
        /// the very key object that verified its signature among the call's keys.
        /// </summary>
        public bool StillHolds(TokenValidationParameters parameters) =>
            WithinLifetime(Result.SecurityToken, parameters)
            && string.Equals(Issuer, parameters.ValidIssuer, StringComparison.Ordinal)
            && string.Equals(Audience, parameters.ValidAudience, StringComparison.Ordinal)
            && Result.SecurityToken.SigningKey is { } key
            && (ReferenceEquals(parameters.IssuerSigningKey, key) || (parameters.IssuerSigningKeys?.Any(k => ReferenceEquals(k, key)) ?? false));
    }

    private static bool WithinLifetime(SecurityToken token, TokenValidationParameters parameters)
    {
        var now = DateTime.UtcNow;
        return token.ValidTo != DateTime.MinValue
            && token.ValidTo >= now - parameters.ClockSkew
            && (token.ValidFrom == DateTime.MinValue || token.ValidFrom <= now + parameters.ClockSkew);
    }

    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        SecurityToken = result.SecurityToken,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };
}
