namespace CompensationFund.Api.Domain.Contributions;

/// <summary>A period's call for contributions: the total, the formula and the share it gave each city, the entry that posted it.</summary>
public sealed class ContributionCall
{
    public Guid Id { get; set; }

    public string Period { get; set; } = string.Empty;

    public long Total { get; set; }

    public string Formula { get; set; } = string.Empty;

    public IReadOnlyDictionary<string, decimal> Weights { get; set; } = new Dictionary<string, decimal>();

    public IReadOnlyDictionary<string, long> Shares { get; set; } = new Dictionary<string, long>();

    public DateOnly DueDate { get; set; }

    public Guid EntryId { get; set; }

    public string CalledBy { get; set; } = string.Empty;

    public DateTimeOffset CalledAt { get; set; }

    public static Guid IdFor(string period) => Ledger.EntryIds.ForReference($"contribution-call:{period}");

    /// <summary>The code a city writes on its transfer, so the bank line can be matched: <c>CC-{period}-{city}</c>.</summary>
    public static string CodeFor(string period, string cityId) => $"CC-{period}-{cityId}";
}
