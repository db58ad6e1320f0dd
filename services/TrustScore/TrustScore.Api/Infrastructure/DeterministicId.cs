using System.Security.Cryptography;
using System.Text;

namespace TrustScore.Api.Infrastructure;

/// <summary>Ids derived from what an event names, so the same fact delivered twice under new message ids lands on the same document.</summary>
public static class DeterministicId
{
    public static Guid From(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
