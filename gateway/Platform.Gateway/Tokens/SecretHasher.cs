using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Gateway.Tokens;

/// <summary>
/// Client secrets are stored as PBKDF2-HMAC-SHA256 hashes, <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c>
/// (salt and hash in base64), so a leaked configuration file does not leak the secrets.
/// </summary>
/// <remarks>
/// Implementation note: the iteration count travels with each hash, so raising <see cref="DefaultIterations"/>
/// later leaves existing registrations valid. 600,000 is OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password
/// Storage Cheat Sheet, 2023). The comparison is constant time so the answer's timing says nothing about how much
/// of a guessed secret was right.
/// </remarks>
public static class SecretHasher
{
    public const string Scheme = "pbkdf2-sha256";
    public const int DefaultIterations = 600_000;

    /// <summary>Below this a hash is too cheap to brute-force-protect anything; above it one check is a denial of service.</summary>
    public const int MinIterations = 10_000;
    public const int MaxIterations = 10_000_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string secret, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(secret, salt, iterations, HashBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True only when <paramref name="secret"/> is the one <paramref name="encodedHash"/> was made from.</summary>
    public static bool Verify(string secret, string encodedHash)
    {
        if (string.IsNullOrEmpty(secret) || !TryParse(encodedHash, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Derive(secret, salt, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public static bool IsWellFormed(string? encodedHash) => TryParse(encodedHash, out _, out _, out _);

    private static byte[] Derive(string secret, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, length);

    private static bool TryParse(string? encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = encoded?.Split('$');
        if (parts is not [Scheme, var count, var saltText, var hashText]
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < MinIterations or > MaxIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(saltText);
            hash = Convert.FromBase64String(hashText);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= SaltBytes && hash.Length >= HashBytes;
    }
}
