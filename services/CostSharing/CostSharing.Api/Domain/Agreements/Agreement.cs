using CostSharing.Api.Domain.Allocation;
using Platform.Contracts;

namespace CostSharing.Api.Domain.Agreements;

/// <summary>
/// The cross-boundary risk governance agreement, kept by the coordinating body. Versioned: a new version
/// becomes the one active version, and older ones stay readable unchanged because incidents keep the
/// version they opened under, and an allocation's explanation names that version (domain.md §4.2).
/// </summary>
public sealed class Agreement
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>ISO 4217; one currency per agreement (domain.md §4.1).</summary>
    public string Currency { get; set; } = Currencies.Cny;

    public int ActiveVersion { get; set; }

    public List<AgreementVersion> Versions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public AgreementVersion Active => Versions.Single(v => v.Number == ActiveVersion);

    public AgreementVersion? Version(int number) => Versions.SingleOrDefault(v => v.Number == number);

    public static Agreement Create(string id, string name, string currency, AgreementTerms terms, DateTimeOffset now)
    {
        var agreement = new Agreement { Id = id, Name = name, Currency = currency, CreatedAt = now };
        agreement.Publish(terms, now);
        return agreement;
    }

    /// <summary>Adds the next version and makes it the active one; earlier versions are never changed.</summary>
    public AgreementVersion Publish(AgreementTerms terms, DateTimeOffset now)
    {
        var version = new AgreementVersion(ActiveVersion + 1, terms, now);
        Versions.Add(version);
        ActiveVersion = version.Number;
        UpdatedAt = now;
        return version;
    }
}

/// <summary>One immutable version of an agreement.</summary>
public sealed record AgreementVersion(int Number, AgreementTerms Terms, DateTimeOffset ActivatedAt);

/// <summary>
/// What members agree to: who is a member, the allocation rule per risk category, how long cities have to
/// claim after the response closes, how settlement runs, and each member's responsibility list (责任清单).
/// </summary>
public sealed record AgreementTerms(
    IReadOnlyList<string> Members,
    IReadOnlyDictionary<string, AllocationRule> Rules,
    int ClaimDeadlineDays,
    SettlementTerms Settlement,
    IReadOnlyList<Responsibility> Responsibilities,
    string? Note);

/// <summary>Settlement runs through the fund's clearing account; each net amount is due this many days after finalization.</summary>
public sealed record SettlementTerms(int DueDays, string ClearingAccount);

/// <summary>A member's responsibility list: its duties, per risk category or for all.</summary>
public sealed record Responsibility(string CityId, IReadOnlyList<Duty> Duties);

/// <summary>One duty, e.g. "report a rising river within 2 hours" or "provide 2 pumping teams".</summary>
public sealed record Duty(string? Category, string Description, int? ReportWithinHours, IReadOnlyList<string> Resources);
