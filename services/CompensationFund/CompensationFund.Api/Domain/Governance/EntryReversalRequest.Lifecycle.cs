using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Api.Domain.Governance;

/// <summary>
/// The rules of a domain reversal (docs/compensation-fund.md §15): only a posted domain entry that was not reversed and
/// is not itself a reversal or a period's closing entry; one open request per entry; distinct people agree to the same
/// reversal, the proposer once; a rejection closes the request and counts toward nothing; a decided request stays as it
/// was decided.
/// </summary>
public sealed partial class EntryReversalRequest
{
    public const string Requested = "requested";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string ReversedStep = "reversed";

    /// <summary>
    /// Opens a request to reverse <paramref name="entry"/>; the proposer's request is its agreement, so with a quorum of
    /// one it is complete at once (<see cref="IsComplete"/>). <paramref name="earlier"/> are the entry's earlier requests.
    /// </summary>
    public static EntryReversalRequest Open(
        JournalEntry entry, IReadOnlyCollection<EntryReversalRequest> earlier, string reason, DateOnly? valueDate, DateOnly today, Approval proposer, int required)
    {
        EnsureReversible(entry);
        if (earlier.FirstOrDefault(r => r.Status == ReversalRequestStatus.Pending) is { } open)
        {
            throw new FundRuleException(
                "A reversal request is pending", $"Request {open.Id} to reverse entry {entry.Id} awaits its quorum; approve or reject it instead of asking again.", conflict: true);
        }

        if (valueDate > today)
        {
            throw new FundRuleException("The reversal is not valid", $"The value date {valueDate:yyyy-MM-dd} is in the future.");
        }

        var request = new EntryReversalRequest
        {
            Id = IdFor(entry.Id, earlier.Count),
            EntryId = entry.Id,
            EntryKind = entry.Header.Kind,
            Reason = reason,
            ValueDate = valueDate,
            Required = Math.Max(1, required),
            RequestedAt = proposer.At,
            Quorum = new QuorumRequest { Action = ApprovalQuorum.DomainReversal, Amount = PostedAmount(entry), Reason = reason },
        };
        request.Agree(Requested, proposer);
        return request;
    }

    /// <summary>True once the quorum agreed and the reversal is due (posted by the same unit of work).</summary>
    public bool IsComplete => Quorum.Approvals.Count >= Required;

    /// <summary>Adds <paramref name="approval"/>; true when it completes the quorum (the reversal is then to be posted).</summary>
    public bool Approve(Approval approval) => Agree(Approved, approval);

    /// <summary>Closes the request; the rejection is kept apart from the approvals and counts toward nothing.</summary>
    public void Reject(Approval by)
    {
        EnsurePending();
        Rejections.Add(by);
        Status = ReversalRequestStatus.Rejected;
        DecidedAt = by.At;
        History.Add(new ReversalStep(Rejected, by.By, by.Role, by.At, by.Note));
    }

    /// <summary>The reversal entry <paramref name="reversalId"/> was posted on the agreement of <paramref name="last"/>.</summary>
    public void Reversed(Guid reversalId, Approval last)
    {
        EnsurePending();
        if (!IsComplete)
        {
            throw new InvalidOperationException($"Request {Id} has {Quorum.Approvals.Count} of {Required} agreements; nothing may be reversed yet.");
        }

        Status = ReversalRequestStatus.Reversed;
        ReversalEntryId = reversalId;
        DecidedAt = last.At;
        History.Add(new ReversalStep(ReversedStep, last.By, last.Role, last.At, $"reversal entry {reversalId}"));
    }

    /// <summary>
    /// Refuses what no reversal request may reverse: a manual entry (the generic reversal does), a reversal or a closing
    /// entry (final: post a new entry instead), an entry with nothing posted or already reversed (a conflict).
    /// </summary>
    public static void EnsureReversible(JournalEntry entry)
    {
        if (entry.Header.Kind == EntryKinds.Manual)
        {
            throw new FundRuleException("Manual entry", $"Entry {entry.Id} is a manual entry: finance reverses it alone through the generic reversal.");
        }

        if (entry.Header.Kind is EntryKinds.Reversal or EntryKinds.PeriodClose || entry.Header.Reverses is not null)
        {
            throw new FundRuleException("Entry is final", $"Entry {entry.Id} is a {entry.Header.Kind} entry, which is final; post a new entry through its operation instead.");
        }

        if (entry.Status != EntryStatus.Posted)
        {
            throw new FundRuleException(
                "Nothing to reverse", $"Entry {entry.Id} is {entry.Status.ToString().ToLowerInvariant()}: only a posted entry can be reversed.", conflict: true);
        }

        if (entry.ReversedBy is { } earlier)
        {
            throw new FundRuleException("Already reversed", $"Entry {entry.Id} was already reversed by entry {earlier}.", conflict: true);
        }
    }

    /// <summary>What the entry moves (its posted debits, in fen): what every approver agrees to reverse.</summary>
    public static long PostedAmount(JournalEntry entry) => entry.PostedLines.Where(l => l.Side == LineSide.Debit).Sum(l => l.Amount);

    private bool Agree(string step, Approval approval)
    {
        EnsurePending();
        var complete = Quorum.Agree(approval, Quorum.Amount, Required, $"entry {EntryId}");
        History.Add(new ReversalStep(step, approval.By, approval.Role, approval.At, approval.Note));
        return complete;
    }

    private void EnsurePending()
    {
        if (Status != ReversalRequestStatus.Pending)
        {
            throw new FundRuleException("Request decided", $"Request {Id} to reverse entry {EntryId} is {Status.ToString().ToLowerInvariant()}.", conflict: true);
        }
    }
}
