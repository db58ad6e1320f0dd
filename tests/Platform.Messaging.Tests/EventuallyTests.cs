using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>A wait that times out says what it last saw, so a failure in CI can be read without running it again.</summary>
public sealed class EventuallyTests
{
    [Fact]
    public async Task ATimeoutShowsTheLastListByItsItems()
    {
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.Until(
            () => Task.FromResult<IReadOnlyList<string>>(["chengdu v3", "deyang v1"]), seen => seen.Count > 2, TimeSpan.FromMilliseconds(250), "for three members"));

        Assert.Contains("waiting for three members", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("last value: [chengdu v3, deyang v1] (2 items)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData("a text", "a text")]
    [InlineData(42, "42")]
    public void AValueThatIsNoCollectionIsShownAsItself(object? value, string shown) =>
        Assert.Equal(shown, Eventually.Describe(value));

    [Fact]
    public void NestedCollectionsAreShownItemByItem() =>
        Assert.Equal("[[1, 2] (2 items), [] (0 items)] (2 items)", Eventually.Describe(new[] { new[] { 1, 2 }, Array.Empty<int>() }));

    [Fact]
    public void ALongCollectionShowsItsFirstTwentyItemsAndItsCount()
    {
        var shown = Eventually.Describe(Enumerable.Range(1, 25).ToList());

        Assert.StartsWith("[1, 2, 3,", shown, StringComparison.Ordinal);
        Assert.EndsWith("19, 20, …] (25 items)", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("21", shown, StringComparison.Ordinal);
    }
}
