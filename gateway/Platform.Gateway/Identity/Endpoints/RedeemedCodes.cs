using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Platform.Gateway.Identity.Storage;

namespace Platform.Gateway.Identity.Endpoints;

/// <summary>
/// A code is good for one exchange only (RFC 6749 §4.1.2). OpenIddict's degraded mode keeps no token store, so the
/// gateway remembers each code it exchanged, by its SHA-256 (the code itself is a bearer secret); the insert finds the
/// key taken for the second attempt, which is refused.
/// </summary>
public sealed class RedeemedCodes(NpgsqlDataSource database, TimeProvider clock)
{
    public async Task<bool> TryRedeemAsync(string code, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"insert into {IdentityDatabase.RedeemedCodes} (code_hash, redeemed_at) values ($1, $2) on conflict (code_hash) do nothing");
        command.Parameters.Add(new NpgsqlParameter { Value = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code))) });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
