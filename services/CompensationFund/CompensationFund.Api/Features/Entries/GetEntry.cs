using CompensationFund.Api.Infrastructure.Ledger;
using Marten;

namespace CompensationFund.Api.Features.Entries;

/// <summary>An entry with its whole history folded: status, what is posted, reversal links, source.</summary>
public static class GetEntry
{
    public static async Task<IResult> HandleAsync(Guid entryId, IQuerySession session, FundLedger ledger, CancellationToken cancellationToken) =>
        Results.Ok(EntryResponse.From(await ledger.RequireAsync(session, entryId, cancellationToken)));
}
