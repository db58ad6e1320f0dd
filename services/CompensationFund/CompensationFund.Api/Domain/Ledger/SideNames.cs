using CompensationFund.Api.Domain.Accounts;

namespace CompensationFund.Api.Domain.Ledger;

/// <summary>How a side is written in the API, statements and CSV (<c>debit</c>, <c>credit</c>), read and written in one place.</summary>
public static class SideNames
{
    public const string Debit = "debit";
    public const string Credit = "credit";

    public static string Of(LineSide side) => side == LineSide.Debit ? Debit : Credit;

    public static string Of(NormalSide side) => side == NormalSide.Debit ? Debit : Credit;

    /// <summary>The side a request names, or null when it names neither.</summary>
    public static LineSide? Parse(string? name) => name switch { Debit => LineSide.Debit, Credit => LineSide.Credit, _ => null };
}
