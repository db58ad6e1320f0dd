using System.Security.Cryptography;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// The RSA key pair the gateway signs tokens with and the services validate them with, made anew for each
/// run so no signing key is ever stored in the repository or on disk.
/// </summary>
internal sealed record TokenSigningKeys(string PublicKeyPem, string PrivateKeyPem)
{
    public static TokenSigningKeys Generate()
    {
        using var rsa = RSA.Create(2048);
        return new TokenSigningKeys(rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportPkcs8PrivateKeyPem());
    }
}
