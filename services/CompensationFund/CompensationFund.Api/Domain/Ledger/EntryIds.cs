using System.Security.Cryptography;
using System.Text;

namespace CompensationFund.Api.Domain.Ledger;

/// <summary>
/// Entry ids. An entry with a reference gets a name-based id (UUID version 5, RFC 9562 §5.5), so the same reference
/// always names the same entry stream and a second posting of it collides instead of posting twice.
/// </summary>
public static class EntryIds
{
    /// <summary>The fund's own name space, fixed forever: changing it would change every derived id.</summary>
    private static readonly Guid Namespace = new("6f1d3a52-9c1e-4b8e-a1a4-3f0c2d7e5b90");

    public static Guid New() => Guid.CreateVersion7();

    public static Guid ForReference(string reference) => NameBased(Namespace, reference);

    /// <summary>The version 5 UUID of <paramref name="name"/> in <paramref name="nameSpace"/>, as RFC 9562 §5.5 computes it.</summary>
    public static Guid NameBased(Guid nameSpace, string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        nameSpace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 ids; it names, it does not protect.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
