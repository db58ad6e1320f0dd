using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tests.Support;

/// <summary>One RSA key pair for the test run, in the forms the gateway and the assertions need.</summary>
public static class TestKeys
{
    private static readonly RSA Rsa = RSA.Create(2048);

    public static string PrivateKeyPem { get; } = Rsa.ExportPkcs8PrivateKeyPem();

    public static string PublicKeyPem { get; } = Rsa.ExportSubjectPublicKeyInfoPem();

    public static string KeyId { get; } = KeyIds.For(Rsa);

    public static RsaSecurityKey PublicKey { get; } = new(Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = KeyId };

    /// <summary>Signs with the issuer's key, for tokens the gateway would never issue itself.</summary>
    public static SigningCredentials SigningCredentials { get; } =
        new(new RsaSecurityKey(Rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
}
