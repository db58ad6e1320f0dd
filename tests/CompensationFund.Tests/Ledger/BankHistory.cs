using System.Collections.Concurrent;
using System.Net;

namespace CompensationFund.Tests.Ledger;

/// <summary>One request of the bank test as the client saw it: its idempotency key, what it was, the answer, the entries it named.</summary>
public sealed record BankOutcome(string Key, string Operation, HttpStatusCode Status, IReadOnlyList<Guid> EntryIds, string Body);

/// <summary>A reservation the test made, with the amount it holds.</summary>
public sealed record HeldReservation(Guid EntryId, decimal Amount);

/// <summary>What the concurrent submitters did, recorded for the checker (Jepsen's history).</summary>
public sealed class BankHistory
{
    public ConcurrentQueue<BankOutcome> Outcomes { get; } = new();

    /// <summary>Posted entries another submitter may try to reverse.</summary>
    public ConcurrentQueue<Guid> Reversible { get; } = new();

    public ConcurrentQueue<HeldReservation> Reservations { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Bank references of imports refused for a failing line: none of them may have left a trace.</summary>
    public ConcurrentQueue<string> RefusedReferences { get; } = new();

    public void Record(BankOutcome outcome, params HttpStatusCode[] allowed)
    {
        Outcomes.Enqueue(outcome);
        if (!allowed.Contains(outcome.Status))
        {
            Violations.Enqueue($"{outcome.Operation} {outcome.Key} answered {(int)outcome.Status}: {outcome.Body}");
        }
    }
}

/// <summary>
/// The ledger the bank test runs on: the manual accounts whose total is conserved, the member cities, the compensation
/// proposals the coordinating body decides on, and each city's contribution code (its obligation of the test's call).
/// </summary>
public sealed record BankUniverse(IReadOnlyList<string> Accounts, IReadOnlyList<string> Cities, IReadOnlyList<Guid> Proposals, IReadOnlyDictionary<string, string> Codes);
