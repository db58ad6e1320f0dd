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
        var next = string.IsNullOrWhiteSpace(options.Value.NextSigningKeyPem)
            ? []
            : new[] { PublicKeyFromPem(options.Value.NextSigningKeyPem, "TokenIssuer:NextSigningKeyPem") };
        NextKeys = next;
        PublishedKeys =
        [
            VerificationKey,
            .. next.Concat(auth.SigningKeys.Select((pem, i) => PublicKeyFromPem(pem, $"Auth:SigningKeys:{i}")))
                .Where(k => k.KeyId != KeyId).DistinctBy(k => k.KeyId),
        ];
        EncryptionCredentials = DeriveEncryptionCredentials(rsa, KeyId);
    }

    public string KeyId { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>The public half of the signing key.</summary>
    public RsaSecurityKey VerificationKey { get; }

    public IReadOnlyList<RsaSecurityKey> PublishedKeys { get; }

    /// <summary>The next key of a rotation, published and trusted before it signs.</summary>
    public IReadOnlyList<RsaSecurityKey> NextKeys { get; }

    /// <summary>What the server's own tokens (authorization codes, refresh tokens) are encrypted with; see the remarks.</summary>
    public EncryptingCredentials EncryptionCredentials { get; }

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

    private static RsaSecurityKey PublicKeyFromPem(string pem, string setting)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"{setting} must hold an RSA key in PEM form.", e);
        }

        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = KeyIds.For(rsa) };
    }

    /// <summary>
    /// Every replica derives the same 256-bit key from the signing key (HKDF, RFC 5869, with its own label, so the
    /// two uses stay separate): a code issued by one replica is redeemed at another, with no further secret to manage.
    /// </summary>
    private static EncryptingCredentials DeriveEncryptionCredentials(RSA rsa, string keyId)
    {
        var material = rsa.ExportPkcs8PrivateKey();
        try
        {
            var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: "platform-gateway/token-encryption"u8.ToArray());
            return new EncryptingCredentials(
                new SymmetricSecurityKey(key) { KeyId = keyId + "-enc" }, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
