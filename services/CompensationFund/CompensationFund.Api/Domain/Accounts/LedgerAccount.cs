using Platform.Contracts;

namespace CompensationFund.Api.Domain.Accounts;

/// <summary>
/// An account of the fund's ledger: who it belongs to, what it is for, its currency. Its balance is not here:
/// it lives in the ledger's balance table, written in the same transaction as every entry (docs/compensation-fund.md §4).
/// </summary>
public sealed class LedgerAccount
{
    /// <summary>One currency per agreement, CNY by default (domain.md §4.1).</summary>
    public const string DefaultCurrency = Currencies.Cny;

    /// <summary>Stable and readable (<c>city:hangzhou:deposits-held</c>, <c>fund:pool</c>), so opening an account twice lands on the same document.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The member city the account belongs to; null for the fund's own accounts.</summary>
    public string? OwnerCityId { get; set; }

    public LedgerAccountKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Currency { get; set; } = DefaultCurrency;

    public NormalSide NormalSide { get; set; }

    /// <summary>For an earmarked third-party account: what its money may be released for.</summary>
    public string? Purpose { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public static string IdFor(string cityId, LedgerAccountKind kind) => $"city:{cityId}:{kind.Slug()}";

    public static LedgerAccount Open(string cityId, LedgerAccountKind kind, DateTimeOffset openedAt) => new()
    {
        Id = IdFor(cityId, kind),
        OwnerCityId = cityId,
        Kind = kind,
        Name = kind.DisplayName(),
        Currency = DefaultCurrency,
        NormalSide = kind.NormalSide(),
        OpenedAt = openedAt,
    };

    public static LedgerAccount OpenFundAccount(string id, LedgerAccountKind kind, string name, DateTimeOffset openedAt, string? purpose = null) => new()
    {
        Id = id,
        Kind = kind,
        Name = name,
        Currency = DefaultCurrency,
        NormalSide = kind.NormalSide(),
        Purpose = purpose,
        OpenedAt = openedAt,
    };
}
