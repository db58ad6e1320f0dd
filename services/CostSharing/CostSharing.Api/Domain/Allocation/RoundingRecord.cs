namespace CostSharing.Api.Domain.Allocation;

/// <summary>How one party's share was rounded: its exact value, the floor, the remainder's rank, the extra fen.</summary>
public sealed record RoundedShare(
    string PartyId, string Group, Fraction Exact, long Floor, Fraction Remainder, int? RemainderRank, bool ReceivedExtraFen, long Fen);

/// <summary>A group's (side's) exact total and the fen it was rounded to, before its members were rounded.</summary>
public sealed record GroupRounding(string Group, Fraction Exact, long Fen);

/// <summary>The whole rounding, kept in an allocation's explanation (domain.md §4.2).</summary>
public sealed record RoundingRecord(long TotalFen, IReadOnlyList<GroupRounding> Groups, IReadOnlyList<RoundedShare> Shares)
{
    public const string Method =
        "Largest remainder (Hamilton) in fen: floor each exact share, then one fen each to the largest remainders; " +
        "ties to the larger share (larger weight), then the smaller city id; side totals are rounded first, the same way.";

    public long FenOf(string partyId) => Shares.First(s => s.PartyId == partyId).Fen;
}
