using CompensationFund.Api.Infrastructure.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>Which waiting postings commit together: the oldest first, then later ones sharing nothing with those taken.</summary>
public sealed class CommitGroupTests
{
    private static readonly Func<(string Name, string[] Keys), IEnumerable<string>> Keys = p => p.Keys;

    [Fact]
    public void TheOldestIsAlwaysTakenAndLaterOnesOnlyIfTheyShareNothingWithTheTaken()
    {
        List<(string Name, string[] Keys)> waiting = [("a", ["x", "y"]), ("b", ["y", "z"]), ("c", ["z", "w"]), ("d", ["x"]), ("e", ["v"])];

        var group = CommitGroup.Take(waiting, Keys, max: 10);

        Assert.Equal(["a", "c", "e"], group.Select(p => p.Name));
        Assert.Equal(["b", "d"], waiting.Select(p => p.Name));
    }

    [Fact]
    public void AGroupStopsAtItsMaximumAndTheRestWaitsInItsOrder()
    {
        var waiting = Enumerable.Range(0, 7).Select(i => ($"p{i}", new[] { $"k{i}" })).ToList();

        var group = CommitGroup.Take(waiting, Keys, max: 3);

        Assert.Equal(["p0", "p1", "p2"], group.Select(p => p.Item1));
        Assert.Equal(["p3", "p4", "p5", "p6"], waiting.Select(p => p.Item1));
    }

    [Fact]
    public void WhatWasLeftIsTakenFirstNextTime()
    {
        List<(string Name, string[] Keys)> waiting = [("a", ["x"]), ("b", ["x"]), ("c", ["x"])];

        var first = CommitGroup.Take(waiting, Keys, max: 5);
        var second = CommitGroup.Take(waiting, Keys, max: 5);

        Assert.Equal(["a"], first.Select(p => p.Name));
        Assert.Equal(["b"], second.Select(p => p.Name));
        Assert.Equal(["c"], waiting.Select(p => p.Name));
    }

    [Fact]
    public void NothingWaitingMakesAnEmptyGroupAndAMaximumBelowOneIsRefused()
    {
        var waiting = new List<(string Name, string[] Keys)>();

        Assert.Empty(CommitGroup.Take(waiting, Keys, max: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommitGroup.Take(waiting, Keys, max: 0));
    }
}
