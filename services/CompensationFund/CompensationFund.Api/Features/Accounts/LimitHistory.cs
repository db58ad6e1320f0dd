using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>One change of an account's limits, in yuan, with who agreed and why.</summary>
public sealed record LimitChangeResponse(
    decimal? FloorBefore, decimal? CeilingBefore, decimal? Floor, decimal? Ceiling, string? Reason, IReadOnlyList<Domain.Ledger.Approval> ApprovedBy, DateTimeOffset ChangedAt)
{
    public static LimitChangeResponse From(AccountLimitChanged e) => new(
        Yuan(e.FloorBefore), Yuan(e.CeilingBefore), Yuan(e.Floor), Yuan(e.Ceiling), e.Reason, e.ApprovedBy, e.ChangedAt);

    private static decimal? Yuan(long? fen) => fen is { } f ? Fen.ToYuan(f) : null;
}

/// <summary>An account's limit changes, oldest first: the audit trail of who loosened or tightened what, and why.</summary>
public static class LimitHistory
{
    public static async Task<IResult> HandleAsync(string accountId, IQuerySession session, CancellationToken cancellationToken)
    {
        _ = await session.LoadAsync<LedgerAccount>(accountId, cancellationToken) ?? throw new RecordNotFoundException($"The ledger has no account '{accountId}'.");
        var events = await session.Events.FetchStreamAsync(AccountLimitChanged.StreamFor(accountId), token: cancellationToken);
        return Results.Ok(events.Select(e => e.Data).OfType<AccountLimitChanged>().Select(LimitChangeResponse.From).ToList());
    }
}
