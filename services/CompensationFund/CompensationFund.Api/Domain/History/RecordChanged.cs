namespace CompensationFund.Api.Domain.History;

/// <summary>
/// The kinds of record whose every state is kept: compensation proposals, obligations, settlements and requests to
/// reverse a domain entry. Their documents
/// hold the current state for queries; <c>fund_record_history</c> keeps, append-only, every state they passed through,
/// in the order the database wrote them.
/// </summary>
public static class RecordHistory
{
    public const string Proposal = "compensation-proposal";
    public const string Obligation = "obligation";
    public const string Settlement = "settlement";
    public const string ReversalRequest = "entry-reversal-request";
}
