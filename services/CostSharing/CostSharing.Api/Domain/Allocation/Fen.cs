namespace CostSharing.Api.Domain.Allocation;

/// <summary>
/// Money in the allocation engine is whole fen (分, 1/100 yuan) in a <see cref="long"/>; the API speaks
/// decimal yuan with at most two places (domain.md §4.1: exact amounts, never floating point).
/// </summary>
public static class Fen
{
    /// <summary>Largest amount any single figure may carry: 10^13 yuan keeps every sum far inside a long of fen.</summary>
    public const decimal MaxYuan = 10_000_000_000_000m;

    public static bool HasAtMostTwoDecimals(decimal yuan) => decimal.Round(yuan, 2) == yuan;

    /// <summary>Converts yuan to fen; the caller has checked the precision and the bounds.</summary>
    public static long FromYuan(decimal yuan)
    {
        if (!HasAtMostTwoDecimals(yuan))
        {
            throw new ArgumentException($"{yuan} yuan has more than two decimal places.", nameof(yuan));
        }

        return (long)(yuan * 100m);
    }

    public static decimal ToYuan(long fen) => fen / 100m;
}
