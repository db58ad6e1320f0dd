using System.Globalization;

namespace FinanceConsole.Web.Localization;

/// <summary>Amounts as finance reads them: yuan to the fen with thousands separators, never rounded further (domain.md §4.1).</summary>
public static class Money
{
    public static string Yuan(decimal amount) => "¥" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Reads an amount typed in a form: plain digits with at most two decimals, else null (a third decimal is refused, never rounded).</summary>
    public static decimal? Parse(string? text)
    {
        var cleaned = text?.Replace(",", "", StringComparison.Ordinal).Replace("¥", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 && decimal.Round(value, 2) == value
            ? value
            : null;
    }
}
