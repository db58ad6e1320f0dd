using Platform.Contracts.Trust;

namespace CompensationFund.Api.Domain.Members;

/// <summary>
/// The deposit a city must hold with the fund, scaled by its trust tier: lower trust, higher deposit (domain.md §4.3).
/// Rule version 1: base deposit × A 0.5, B 1.0, C 1.5, D 2.0, M 1.0 (no evidence yet counts as average).
/// </summary>
public static class DepositRule
{
    public const string Name = "deposit-by-tier";
    public const int Version = 1;

    public static readonly IReadOnlyDictionary<string, decimal> Factors = new Dictionary<string, decimal>
    {
        [TrustTiers.A] = 0.5m, [TrustTiers.B] = 1.0m, [TrustTiers.C] = 1.5m, [TrustTiers.D] = 2.0m, [TrustTiers.Insufficient] = 1.0m,
    };

    public static long Required(long baseDeposit, string tier) => (long)decimal.Floor(baseDeposit * Factors.GetValueOrDefault(tier, 1.0m));
}
