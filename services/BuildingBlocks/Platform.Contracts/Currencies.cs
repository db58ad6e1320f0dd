namespace Platform.Contracts;

/// <summary>The ISO 4217 codes the contracts' <c>Currency</c> fields carry (domain.md §4.1: amounts in yuan, exact to the fen).</summary>
public static class Currencies
{
    /// <summary>Renminbi yuan: the alliance's agreements and the fund's books are kept in it.</summary>
    public const string Cny = "CNY";
}
