namespace CompensationFund.Api.Domain.Ledger;

/// <summary>
/// A rule of the fund refuses what was asked (an unbalanced entry, a closed period, a second reversal). The API
/// answers 422, or 409 when the refusal is a conflict with the current state that a retry could not fix.
/// </summary>
public sealed class FundRuleException(string title, string detail, bool conflict = false) : Exception(detail)
{
    public string Title { get; } = title;

    public bool IsConflict { get; } = conflict;
}
