using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Compensation;

/// <summary>
/// Money a third party (central government special fund, donor) gave the fund (第三方激励, domain.md §3.2): who, how much,
/// for what purpose and on what conditions. An earmarked deposit sits in its own sub-account, and is released only for
/// its purpose; a general one joins the incentive pool that pays rewards.
/// </summary>
public sealed class ThirdPartyDeposit
{
    public const string GeneralPurpose = "general";

    public Guid Id { get; set; }

    public string Donor { get; set; } = string.Empty;

    public long Amount { get; set; }

    public string Purpose { get; set; } = GeneralPurpose;

    public string? Conditions { get; set; }

    public string Account { get; set; } = string.Empty;

    public long Released { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public bool IsEarmarked => !string.Equals(Purpose, GeneralPurpose, StringComparison.Ordinal);

    public static string Normalize(string purpose) => purpose.Trim().ToLowerInvariant();

    /// <summary>Money received: an earmarked deposit gets its own sub-account, a general one joins the incentive pool.</summary>
    public static ThirdPartyDeposit Receive(Guid id, string donor, long amount, string purpose, string? conditions, DateOnly receivedOn, DateTimeOffset recordedAt)
    {
        var deposit = new ThirdPartyDeposit
        {
            Id = id, Donor = donor, Amount = amount, Purpose = Normalize(purpose), Conditions = conditions, ReceivedOn = receivedOn, RecordedAt = recordedAt,
        };
        deposit.Account = deposit.IsEarmarked ? Accounts.FundAccounts.Earmark(id) : Accounts.FundAccounts.ThirdPartyPool;
        return deposit;
    }

    /// <summary>Releases <paramref name="amount"/> for <paramref name="purpose"/>; the sub-account's floor refuses more than is left when posted.</summary>
    public void Release(string purpose, long amount)
    {
        EnsureReleasableFor(purpose);
        Released += amount;
    }

    /// <summary>Refuses a release for anything but the deposit's purpose; the sub-account's floor refuses releasing more than is left.</summary>
    public void EnsureReleasableFor(string purpose)
    {
        if (!IsEarmarked)
        {
            throw new FundRuleException("Not earmarked", $"Deposit {Id} is general incentive money; rewards draw on it, it is not released by purpose.");
        }

        if (!string.Equals(Normalize(purpose), Purpose, StringComparison.Ordinal))
        {
            throw new FundRuleException(
                "Earmarked for another purpose",
                $"Deposit {Id} from {Donor} is earmarked for '{Purpose}'{(Conditions is null ? string.Empty : $" ({Conditions})")}; it cannot be released for '{Normalize(purpose)}'.");
        }
    }
}
