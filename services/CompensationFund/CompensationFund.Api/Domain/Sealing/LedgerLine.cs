using System.Globalization;
using System.Security.Cryptography;

namespace CompensationFund.Api.Domain.Sealing;

/// <summary>
/// One line of the ledger's history as sealed and proven: a movement of one account by one event (the row behind a
/// statement line), with amounts in fen and the recorded time in microseconds since the Unix epoch (PostgreSQL's precision).
/// </summary>
public sealed record LedgerLine(
    long Position, Guid EntryId, string Account, DateOnly ValueDate, long RecordedAtMicros, long DebitsPosted, long CreditsPosted, long DebitsPending, long CreditsPending)
{
    /// <summary>
    /// The line's canonical text, hashed as a leaf: fields in this order, separated by <c>|</c>, invariant culture
    /// (docs/compensation-fund.md §14 gives the same recipe to the cities).
    /// </summary>
    public string Canonical => string.Join(
        '|',
        "fund-line-v1",
        Position.ToString(CultureInfo.InvariantCulture),
        EntryId.ToString("D"),
        Account,
        ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RecordedAtMicros.ToString(CultureInfo.InvariantCulture),
        DebitsPosted.ToString(CultureInfo.InvariantCulture),
        CreditsPosted.ToString(CultureInfo.InvariantCulture),
        DebitsPending.ToString(CultureInfo.InvariantCulture),
        CreditsPending.ToString(CultureInfo.InvariantCulture));

    public byte[] LeafHash => MerkleTree.LeafHash(Canonical);

    public static long Micros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>
    /// A seal of the hash chain: <c>SHA-256(previous seal's hash ‖ each line's leaf hash, in position order)</c>; the first
    /// seal's previous hash is empty. Editing, removing or re-ordering any sealed line changes every later seal.
    /// </summary>
    public static string Seal(string? previousHash, IEnumerable<LedgerLine> lines)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previousHash is null ? [] : Convert.FromHexString(previousHash));
        foreach (var line in lines)
        {
            sha.AppendData(line.LeafHash);
        }

        return MerkleTree.Hex(sha.GetHashAndReset());
    }
}
