using CompensationFund.Api.Domain.Sealing;

namespace CompensationFund.Tests.Domain.Sealing;

/// <summary>The period tree and the hash chain without I/O: every leaf proves against the root, and any change is seen.</summary>
public sealed class MerkleTreeTests
{
    private static LedgerLine Line(long position, long credit = 100) =>
        new(position, Guid.Parse("0195f3b2-0000-7000-8000-000000000001"), "city:a:deposits-held", new DateOnly(2026, 3, 4), 1_772_000_000_000_000, 0, credit, 0, 0);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    public void EveryLeafProvesAgainstTheRoot(int count)
    {
        var leaves = Enumerable.Range(1, count).Select(i => Line(i).LeafHash).ToList();
        var root = MerkleTree.Root(leaves);

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(root, MerkleTree.Fold(leaves[i], MerkleTree.Proof(leaves, i)));
        }
    }

    [Fact]
    public void AChangedLineOrAWrongPathDoesNotProve()
    {
        var leaves = Enumerable.Range(1, 6).Select(i => Line(i).LeafHash).ToList();
        var root = MerkleTree.Root(leaves);
        var path = MerkleTree.Proof(leaves, 2);

        Assert.NotEqual(root, MerkleTree.Fold(Line(3, credit: 101).LeafHash, path));
        Assert.NotEqual(root, MerkleTree.Fold(leaves[2], MerkleTree.Proof(leaves, 3)));
        Assert.NotEqual(root, MerkleTree.Fold(leaves[2], path.Select(s => s with { Side = s.Side == "left" ? "right" : "left" })));
    }

    [Fact]
    public void LeavesAndNodesAreHashedApartAndTheOddNodeIsCarriedUp()
    {
        var a = Line(1).LeafHash;
        var b = Line(2).LeafHash;
        var c = Line(3).LeafHash;

        Assert.Equal(MerkleTree.NodeHash(MerkleTree.NodeHash(a, b), c), MerkleTree.Root([a, b, c]));
        Assert.NotEqual(MerkleTree.Root([a, b, c]), MerkleTree.Root([a, b, c, c]));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([]), MerkleTree.Root([]));
        Assert.Equal(a, MerkleTree.Root([a]));
        Assert.Empty(MerkleTree.Proof([a], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.Proof([a], 1));
    }

    [Fact]
    public void TheCanonicalLineNamesEveryFieldInTheDocumentedOrder() => Assert.Equal(
        "fund-line-v1|7|0195f3b2-0000-7000-8000-000000000001|city:a:deposits-held|2026-03-04|1772000000000000|0|100|0|0", Line(7).Canonical);

    [Fact]
    public void ASealCoversThePreviousSealAndEveryLineInOrder()
    {
        var lines = new[] { Line(1), Line(2) };
        var first = LedgerLine.Seal(null, lines);

        Assert.NotEqual(first, LedgerLine.Seal(null, [Line(2), Line(1)]));
        Assert.NotEqual(first, LedgerLine.Seal(null, [Line(1), Line(2, credit: 99)]));
        Assert.NotEqual(LedgerLine.Seal(first, lines), LedgerLine.Seal(null, lines));
        Assert.Equal(64, first.Length);
    }

    [Fact]
    public void RecordedTimesAreMicrosecondsSinceTheEpoch() =>
        Assert.Equal(1_000_001, LedgerLine.Micros(DateTimeOffset.UnixEpoch.AddTicks(10_000_015)));

    [Fact]
    public void AProofNamesTheSideOfEachSiblingAndRefusesANegativeIndex()
    {
        var leaves = Enumerable.Range(1, 4).Select(i => Line(i).LeafHash).ToList();

        Assert.Equal(["right", "right"], MerkleTree.Proof(leaves, 0).Select(s => s.Side));
        Assert.Equal(["left", "left"], MerkleTree.Proof(leaves, 3).Select(s => s.Side));
        Assert.Equal(MerkleTree.Hex(leaves[1]), MerkleTree.Proof(leaves, 0)[0].Hash);
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.Proof(leaves, -1));
    }
}
