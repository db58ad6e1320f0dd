using System.Security.Cryptography;

namespace CompensationFund.Api.Domain.Sealing;

/// <summary>One step of an inclusion proof: the sibling's hash and on which side it stands.</summary>
public sealed record ProofStep(string Hash, string Side);

/// <summary>
/// A Merkle tree over a closed period's ledger lines, so each city can check that a line of its statement is among the
/// lines the fund published a root for, without seeing any other city's lines ("tamper evidence").
/// </summary>
/// <remarks>
/// Implementation note: hashing follows RFC 6962 §2.1 (Certificate Transparency): a leaf is <c>SHA-256(0x00 ‖ data)</c>
/// and an inner node <c>SHA-256(0x01 ‖ left ‖ right)</c>, so a leaf can never pass for a node. Where a level has an odd
/// number of nodes the last one is carried up unchanged (no duplication, which would let two trees share a root —
/// CVE-2012-2459). The empty tree's root is <c>SHA-256()</c>. Hashes are lower-case hex. The verifier in
/// <c>tools/Fund.StatementVerifier</c> implements the same rules independently.
/// </remarks>
public static class MerkleTree
{
    public static byte[] LeafHash(string data)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(data);
        var buffer = new byte[bytes.Length + 1];
        bytes.CopyTo(buffer, 1);
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(byte[] left, byte[] right)
    {
        var buffer = new byte[1 + left.Length + right.Length];
        buffer[0] = 1;
        left.CopyTo(buffer, 1);
        right.CopyTo(buffer, 1 + left.Length);
        return SHA256.HashData(buffer);
    }

    public static byte[] Root(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 0)
        {
            return SHA256.HashData([]);
        }

        var level = leaves.ToList();
        while (level.Count > 1)
        {
            level = Up(level);
        }

        return level[0];
    }

    /// <summary>The siblings from leaf <paramref name="index"/> up to the root.</summary>
    public static IReadOnlyList<ProofStep> Proof(IReadOnlyList<byte[]> leaves, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, leaves.Count);
        var steps = new List<ProofStep>();
        var level = leaves.ToList();
        while (level.Count > 1)
        {
            if (index % 2 == 1)
            {
                steps.Add(new ProofStep(Hex(level[index - 1]), "left"));
            }
            else if (index + 1 < level.Count)
            {
                steps.Add(new ProofStep(Hex(level[index + 1]), "right"));
            }

            level = Up(level);
            index /= 2;
        }

        return steps;
    }

    /// <summary>Folds <paramref name="steps"/> onto a leaf hash: the root it proves.</summary>
    public static byte[] Fold(byte[] leaf, IEnumerable<ProofStep> steps) =>
        steps.Aggregate(leaf, (hash, step) => step.Side == "left" ? NodeHash(Convert.FromHexString(step.Hash), hash) : NodeHash(hash, Convert.FromHexString(step.Hash)));

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private static List<byte[]> Up(List<byte[]> level)
    {
        var next = new List<byte[]>((level.Count + 1) / 2);
        for (var i = 0; i < level.Count; i += 2)
        {
            next.Add(i + 1 < level.Count ? NodeHash(level[i], level[i + 1]) : level[i]);
        }

        return next;
    }
}
