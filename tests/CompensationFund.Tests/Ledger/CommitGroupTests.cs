using CompensationFund.Api.Infrastructure.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// Which waiting postings commit together: in their order, those sharing nothing with a group in flight, with one taken or
/// with an older one left waiting.
/// </summary>
public sealed class CommitGroupTests
{
    private static readonly Func<(string Name, string[] Keys), IEnumerable<string>> Keys = p => p.Keys;

    [Fact]
    public void TheOldestIsTakenAndLaterOnesOnlyIfTheyShareNothingWithTheTakenOrAnOlderOneLeft()
    {
        List<(string Name, string[] Keys)> waiting = [("a", ["x", "y"]), ("b", ["y", "z"]), ("c", ["z", "w"]), ("d", ["x"]), ("e", ["v"]), ("f", ["w"])];

        var group = CommitGroup.Take(waiting, Keys, max: 10);

        Assert.Equal(["a", "e"], group.Select(p => p.Name));
        Assert.Equal(["b", "c", "d", "f"], waiting.Select(p => p.Name));
    }

    [Fact]
    public void WhatAGroupInFlightHoldsWaitsEvenTheOldestAndWhatSharesAKeyWithItWaitsBehindIt()
    {
        List<(string Name, string[] Keys)> waiting = [("a", ["x", "y"]), ("b", ["y"]), ("c", ["z"]), ("d", ["w", "q"])];

        var group = CommitGroup.Take(waiting, Keys, max: 10, held: new HashSet<string> { "x", "q" });

        Assert.Equal(["c"], group.Select(p => p.Name));
        Assert.Equal(["a", "b", "d"], waiting.Select(p => p.Name));
    }

    [Fact]
    public void WhenAllThatWaitsIsHeldTheGroupIsEmptyAndNothingIsLost()
    {
        List<(string Name, string[] Keys)> waiting = [("a", ["x"]), ("b", ["x", "y"])];

        Assert.Empty(CommitGroup.Take(waiting, Keys, max: 10, held: new HashSet<string> { "x" }));
        Assert.Equal(["a", "b"], waiting.Select(p => p.Name));
        Assert.Equal(["a"], CommitGroup.Take(waiting, Keys, max: 10, held: new HashSet<string>()).Select(p => p.Name));
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
