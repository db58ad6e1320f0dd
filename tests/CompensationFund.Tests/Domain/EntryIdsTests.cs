using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain;

/// <summary>Name-based entry ids: the same reference is the same entry, as RFC 9562 computes version 5 ids.</summary>
public sealed class EntryIdsTests
{
    [Fact]
    public void MatchesTheRfcAlgorithm() =>
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), EntryIds.NameBased(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));

    [Fact]
    public void SameReferenceSameIdDifferentReferenceDifferentId()
    {
        Assert.Equal(EntryIds.ForReference("allocation:1"), EntryIds.ForReference("allocation:1"));
        Assert.NotEqual(EntryIds.ForReference("allocation:1"), EntryIds.ForReference("allocation:2"));
    }
}
