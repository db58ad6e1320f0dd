using Communication.Api.Domain.Feed;

namespace Communication.Tests.Feed;

/// <summary>A city's feed numbering: the SSE event id a reconnect resumes after (<c>Last-Event-ID</c>).</summary>
public sealed class FeedEntryTests
{
    private static readonly FeedWarning Red = new(
        Guid.NewGuid(), "huangshan-1", "Alert", "huangshan", "natural-disaster", "red", "Flood", null, [],
        new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.FromHours(8)), null, null, null);

    [Fact]
    public void AnEntryIsKeyedByCityAndZeroPaddedSequence()
    {
        var entry = FeedEntry.For("hangzhou", 42, Red);

        Assert.Equal("hangzhou/0000000000000000042", entry.Id);
        Assert.Equal(("hangzhou", 42L), (entry.CityId, entry.Sequence));
        Assert.Same(Red, entry.Warning);
    }

    [Fact]
    public void KeysOfOneCitySortInSequenceOrder() =>
        Assert.True(string.CompareOrdinal(FeedEntry.Key("hangzhou", 9), FeedEntry.Key("hangzhou", 10)) < 0);

    [Fact]
    public void AFeedHandsOutEachNumberOnceStartingAtOne()
    {
        var feed = new CityFeed { CityId = "hangzhou" };

        Assert.Equal([1L, 2L, 3L], [feed.Next(), feed.Next(), feed.Next()]);
        Assert.Equal(3, feed.LastSequence);
    }
}
