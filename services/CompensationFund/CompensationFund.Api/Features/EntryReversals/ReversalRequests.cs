using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;

namespace CompensationFund.Api.Features.EntryReversals;

/// <summary>
/// Loading an entry's reversal requests, and committing a decision on one: the agreement that completes the quorum posts
/// the reversal entry (the entry's posted lines on the other side) in the same transaction as the request's new state, so
/// a request is never reversed without its entry nor the reverse.
/// </summary>
public static class ReversalRequests
{
    public static async Task<IReadOnlyList<EntryReversalRequest>> OfEntryAsync(IQuerySession session, Guid entryId, CancellationToken cancellationToken) =>
        await session.Query<EntryReversalRequest>().Where(r => r.EntryId == entryId).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);

    /// <summary>The request <paramref name="requestId"/> on entry <paramref name="entryId"/>; any other is a 404.</summary>
    public static async Task<EntryReversalRequest> RequireAsync(IQuerySession session, Guid entryId, Guid requestId, CancellationToken cancellationToken) =>
        await session.LoadAsync<EntryReversalRequest>(requestId, cancellationToken) is { } request && request.EntryId == entryId
            ? request
            : throw new RecordNotFoundException($"Entry {entryId} has no reversal request {requestId}.");

    /// <summary>
    /// Commits <paramref name="request"/> as it now stands — new when <paramref name="statusCode"/> is 201 — with the reversal
    /// entry if its quorum is complete.
    /// </summary>
    public static async Task<IResult> CommitAsync(
        EntryReversalRequest request, JournalEntry entry, int statusCode, IDocumentSession session, FundLedger ledger, HttpContext http,
        CancellationToken cancellationToken)
    {
        var changes = new List<LedgerChange>();
        if (request.Status == ReversalRequestStatus.Pending && request.IsComplete)
        {
            // Dated as asked, or the first open day if that period has closed while the request waited for its quorum.
            var valueDate = await ledger.OpenValueDateAsync(request.ValueDate ?? ledger.Today, cancellationToken);
            var source = Caller.Source(http) with
            {
                RequestedBy = request.RequestedBy,
                Approvals = request.Quorum.Approvals,
                Inputs = new Dictionary<string, string> { ["reversalRequestId"] = request.Id.ToString(), ["entryKind"] = request.EntryKind },
            };
            var (reversal, marker) = entry.Reverse(request.ReversalIdFor(), request.Reason, valueDate, ledger.Now, source);
            changes.Add(LedgerChange.New(reversal));
            changes.Add(LedgerChange.Decision(entry, marker));
            request.Reversed(reversal.EntryId, request.Quorum.Approvals[^1]);
        }

        ledger.Record(session, changes);
        var opened = statusCode == StatusCodes.Status201Created;
        if (opened)
        {
            // Inserted, not stored: two people proposing at once name the same request (its id counts the entry's requests), and the second collides (409).
            session.Insert(request);
        }
        else
        {
            session.Store(request);
        }

        var result = IdempotencyKeys.Complete(http, session, statusCode, ReversalRequestResponse.From(request), opened ? ReversalRequestEndpoints.Location(request) : null);
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
