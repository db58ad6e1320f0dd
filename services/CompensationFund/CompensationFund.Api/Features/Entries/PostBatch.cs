using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Entries;

public sealed record BatchRequest(IReadOnlyList<EntryRequest>? Entries);

public sealed record BatchResponse(int Entries, int Lines, IReadOnlyList<Guid> EntryIds);

/// <summary>
/// Finance posts many entries all or nothing: one transaction, one round trip. Limits hold on the batch's net
/// effect per account, since no one can observe the ledger between two entries of one batch (docs/compensation-fund.md §4).
/// </summary>
public static class PostBatch
{
    public const int MaxEntries = 2_000;

    public static async Task<IResult> HandleAsync(BatchRequest request, IDocumentSession session, FundLedger ledger, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        validation.Require(request.Entries is { Count: > 0 and <= MaxEntries }, "entries", $"'entries' holds 1 to {MaxEntries} entries.");
        var source = Caller.Source(http);
        var drafts = new List<(EntryRequest Request, EntryDraft? Draft)>();
        for (var i = 0; i < (validation.IsValid ? request.Entries!.Count : 0); i++)
        {
            drafts.Add((request.Entries![i], request.Entries[i].ToDraft(EntryKinds.Manual, ledger.Today, source, validation, $"entries[{i}].")));
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var changes = new List<LedgerChange>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            try
            {
                await ledger.ValidateManualAsync(drafts[i].Draft!, cancellationToken);
            }
            catch (FundRuleException rule)
            {
                throw new FundRuleException(rule.Title, $"Entry {i}: {rule.Message} Nothing in the batch was posted.");
            }

            changes.Add(LedgerChange.New(drafts[i].Draft!.Post(drafts[i].Request.NewEntryId(), ledger.Now)));
        }

        ledger.Record(session, changes);
        var response = new BatchResponse(changes.Count, drafts.Sum(d => d.Draft!.Lines.Count), [.. changes.Select(c => c.Stream)]);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, response);
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
