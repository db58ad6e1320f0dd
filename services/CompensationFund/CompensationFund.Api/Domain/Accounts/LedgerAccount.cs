namespace CompensationFund.Api.Domain.Accounts;

/// <summary>One account of a member city in the fund's ledger.</summary>
public sealed class LedgerAccount
{
    /// <summary>One currency per agreement, CNY by default (domain.md §4.1).</summary>
    public const string DefaultCurrency = "CNY";

    /// <summary>Stable and readable (<c>city:hangzhou:deposits-held</c>), so opening an account twice lands on the same document.</summary>
    public string Id { get; set; } = string.Empty;

    public string OwnerCityId { get; set; } = string.Empty;

    public LedgerAccountKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Currency { get; set; } = DefaultCurrency;

    /// <summary>Exact to the fen, never floating point (domain.md §4.1).</summary>
    public decimal Balance { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public static string IdFor(string cityId, LedgerAccountKind kind) => $"city:{cityId}:{kind.Slug()}";

    public static LedgerAccount Open(string cityId, LedgerAccountKind kind, DateTimeOffset openedAt) => new()
    {
        Id = IdFor(cityId, kind),
        OwnerCityId = cityId,
        Kind = kind,
        Name = kind.DisplayName(),
        Currency = DefaultCurrency,
        Balance = 0.00m,
        OpenedAt = openedAt,
    };
}
