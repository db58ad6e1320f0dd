namespace CompensationFund.Api.Domain.Accounts;

/// <summary>The accounts every member city holds in the fund from the day it joins.</summary>
public static class MemberAccounts
{
    public static readonly IReadOnlyList<LedgerAccountKind> Kinds =
    [
        LedgerAccountKind.ContributionsReceivable,
        LedgerAccountKind.SettlementReceivable,
        LedgerAccountKind.SettlementPayable,
        LedgerAccountKind.CompensationPayable,
        LedgerAccountKind.DepositsHeld,
        LedgerAccountKind.PenaltiesReceivable,
    ];

    public static IReadOnlyList<string> IdsFor(string cityId) => Kinds.Select(k => LedgerAccount.IdFor(cityId, k)).ToList();

    /// <summary>
    /// The accounts still to open: an account that exists is left alone, because re-opening it would reset
    /// a balance once journal entries post to it.
    /// </summary>
    public static IEnumerable<LedgerAccount> OpenMissing(string cityId, IEnumerable<LedgerAccountKind> alreadyOpen, DateTimeOffset openedAt)
    {
        var open = alreadyOpen.ToHashSet();
        return Kinds.Where(k => !open.Contains(k)).Select(k => LedgerAccount.Open(cityId, k, openedAt));
    }
}
