using System.Security.Cryptography;
using System.Text;
using Marten;

namespace Platform.Gateway.Identity.Endpoints;

/// <summary>An authorization code that has been exchanged, by its SHA-256 (the code itself is a bearer secret).</summary>
public sealed record RedeemedCode(string Id, DateTimeOffset RedeemedAt);

/// <summary>
/// A code is good for one exchange only (RFC 6749 §4.1.2). OpenIddict's degraded mode keeps no token store, so the
/// gateway remembers each code it exchanged; the insert fails for the second attempt, which is refused.
/// </summary>
public sealed class RedeemedCodes(IDocumentStore store, TimeProvider clock)
{
    public async Task<bool> TryRedeemAsync(string code, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(new RedeemedCode(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code))), clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return false;
        }
    }
}
