using CompensationFund.Api.Domain.Money;
using Platform.Contracts.Trust;

namespace CompensationFund.Api.Domain.Compensation;

/// <summary>A reward awarded by an evaluation round, what the fund pays of it, and why less when it is less.</summary>
public sealed record RewardPayment(string CityId, long Awarded, long Paid, string? Note);

/// <summary>
/// Rewards of a reliable evaluation round are paid from the third-party incentive pool (第三方激励), as far as it goes:
/// when it cannot pay them all they are scaled pro rata (largest remainder) and the rest is reported, never owed; a city in
/// trust tier D is not eligible for incentive money (domain.md §4.3).
/// </summary>
public static class RewardRule
{
    public static IReadOnlyList<RewardPayment> Pay(IReadOnlyList<(string CityId, long Awarded, string Tier)> rewards, long available)
    {
        var eligible = rewards.Where(r => r.Awarded > 0 && r.Tier != TrustTiers.D).ToList();
        var total = eligible.Sum(r => r.Awarded);
        var shares = total <= available || total == 0
            ? eligible.ToDictionary(r => r.CityId, r => r.Awarded)
            : LargestRemainder.Split(Math.Max(available, 0), [.. eligible.Select(r => new SplitWeight(r.CityId, r.Awarded))]).ToDictionary(s => s.Key, s => s.Value);
        return [.. rewards.Where(r => r.Awarded > 0).Select(r => r.Tier == TrustTiers.D
            ? new RewardPayment(r.CityId, r.Awarded, 0, "trust tier D: not eligible for incentive money")
            : new RewardPayment(r.CityId, r.Awarded, shares[r.CityId], shares[r.CityId] < r.Awarded
                ? $"incentive pool had {Fen.ToYuan(available)} for {Fen.ToYuan(total)} awarded: paid pro rata"
                : null))];
    }
}
