using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tokens;

/// <summary>
/// The key pair the gateway signs its tokens with, and the public keys it publishes as its JWKS: the signing
/// key's public half plus every key in <c>Auth:SigningKeys</c>, so a previous key stays published while a
/// rotation overlaps.
/// </summary>
/// <remarks>
/// Implementation note: the key id is <see cref="KeyIds.For"/>, the same thumbprint the services compute for
/// the PEM public keys they are given, so issuer and validators agree on <c>kid</c> without configuring it.
/// Without a configured key the gateway makes an ephemeral one, in Development only: elsewhere tokens that
/// stop validating at every restart would be an outage, so it refuses to start instead. Signing bypasses
/// IdentityModel's process-wide signer cache: it is keyed by key thumbprint, so a second instance with the same
/// key (a test host, a rotation back) would be handed a signer over this instance's RSA object after disposal.
/// </remarks>
public sealed class IssuerKeys : IDisposable
{
    private const int MinKeySizeBits = 2048;
    private readonly RSA rsa;

    public IssuerKeys(IOptions<TokenIssuerOptions> options, AuthSettings auth, IHostEnvironment environment, ILogger<IssuerKeys> logger)
    {
        rsa = Load(options.Value.SigningKeyPem, environment, logger);
        KeyId = KeyIds.For(rsa);
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256)
        {
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        VerificationKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = KeyId };
        PublishedKeys = [VerificationKey, .. auth.SigningKeys.Select(PublicKeyFromPem).Where(k => k.KeyId != KeyId).DistinctBy(k => k.KeyId)];
    }

    public string KeyId { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>The public half of the signing key.</summary>
    public RsaSecurityKey VerificationKey { get; }

    public IReadOnlyList<RsaSecurityKey> PublishedKeys { get; }

    public void Dispose() => rsa.Dispose();

    private static RSA Load(string? pem, IHostEnvironment environment, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "TokenIssuer:SigningKeyPem is not set. Configure the RSA private key (PEM), or set TokenIssuer:Enabled=false "
                    + "when an external OpenID Connect provider issues the tokens.");
            }

            var ephemeral = RSA.Create(MinKeySizeBits);
            logger.LogWarning(
                "TokenIssuer:SigningKeyPem is not set: signing tokens with an ephemeral key (kid {KeyId}) that lives as long as this "
                + "process. Services validate these tokens only with Auth:SigningKeys set to this public key or Auth:Authority set to "
                + "the gateway. {PublicKeyPem}",
                KeyIds.For(ephemeral), ephemeral.ExportSubjectPublicKeyInfoPem());
            return ephemeral;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            rsa.Dispose();
            throw new InvalidOperationException("TokenIssuer:SigningKeyPem must hold an RSA private key in PEM form.", e);
        }

        if (rsa.KeySize < MinKeySizeBits)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"TokenIssuer:SigningKeyPem must be an RSA key of at least {MinKeySizeBits} bits.");
        }

        return rsa;
    }

    private static RsaSecurityKey PublicKeyFromPem(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = KeyIds.For(rsa) };
    }
}
