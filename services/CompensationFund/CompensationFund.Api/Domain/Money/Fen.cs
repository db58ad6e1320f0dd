namespace CompensationFund.Api.Domain.Money;

/// <summary>
/// Amounts inside the ledger are whole fen (分, 0.01 yuan) in a <see cref="long"/>; the API speaks decimal yuan.
/// </summary>
/// <remarks>
/// Implementation note: integer minor units make every sum exact and every comparison cheap, as TigerBeetle's
/// u128 amounts do (domain.md §4.1: "exact: decimal or integer minor units, never floating point"). An amount
/// with a fraction of a fen is refused, never rounded: a caller who sends 0.005 has a bug we must not hide.
/// <see cref="MaxAmount"/> (10¹⁵ fen, ten trillion yuan) keeps the sum of any realistic number of amounts far
/// from overflow.
/// </remarks>
public static class Fen
{
    public const long MaxAmount = 1_000_000_000_000_000;

    /// <summary>Converts exact yuan to fen; false when the amount has a fraction of a fen or is out of range.</summary>
    public static bool TryFromYuan(decimal yuan, out long fen)
    {
        fen = 0;
        if (Math.Abs(yuan) > MaxAmount / 100m)
        {
            // Checked before scaling: yuan × 100 overflows decimal for amounts near its range (1e27 yuan answered 500).
            return false;
        }

        var scaled = yuan * 100m;
        if (scaled != decimal.Truncate(scaled))
        {
            return false;
        }

        fen = (long)scaled;
        return true;
    }

    public static long FromYuan(decimal yuan) =>
        TryFromYuan(yuan, out var fen) ? fen : throw new ArgumentOutOfRangeException(nameof(yuan), yuan, "Not an exact amount of fen within range.");

    /// <summary>Yuan with exactly two decimals (<c>12.30</c>, not <c>12.3</c>), as statements print them.</summary>
    public static decimal ToYuan(long fen) => fen * 0.01m;
}
