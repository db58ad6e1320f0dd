using System.Globalization;

namespace Platform.DemoSeeder;

/// <summary>Amounts as the seeder prints them: yuan to the fen with thousands separators, signs spelled out.</summary>
internal static class Yuan
{
    public static string Format(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>"+" owes the clearing account, "−" (U+2212) is owed by it: a net position reads at a glance.</summary>
    public static string Signed(decimal amount) => amount switch
    {
        > 0 => "+" + Format(amount),
        < 0 => "\u2212" + Format(-amount),
        _ => Format(0m),
    };
}
