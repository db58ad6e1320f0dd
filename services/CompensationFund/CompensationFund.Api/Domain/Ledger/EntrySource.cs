namespace CompensationFund.Api.Domain.Ledger;

/// <summary>Someone who approved what an entry does: the coordinating body for compensation, finance for a payment.</summary>
public sealed record Approval(string By, string Role, DateTimeOffset At, string? Note = null);

/// <summary>
/// Why an entry exists, kept on the entry so every statement line can explain itself: the consumed event, or
/// the rule with its version and inputs, the approvals, and the caller with its idempotency key.
/// </summary>
public sealed record EntrySource
{
    /// <summary><c>request</c> (a caller posted it), <c>event</c> (a consumed integration event) or <c>rule</c> (the fund's own rule ran).</summary>
    public required string Kind { get; init; }

    public string? EventId { get; init; }

    public string? EventType { get; init; }

    public string? Rule { get; init; }

    public int? RuleVersion { get; init; }

    public IReadOnlyDictionary<string, string>? Inputs { get; init; }

    public IReadOnlyList<Approval>? Approvals { get; init; }

    public string? RequestedBy { get; init; }

    public string? IdempotencyKey { get; init; }

    public static EntrySource Request(string requestedBy, string? idempotencyKey) =>
        new() { Kind = "request", RequestedBy = requestedBy, IdempotencyKey = idempotencyKey };

    public static EntrySource Event(Guid eventId, string eventType) =>
        new() { Kind = "event", EventId = eventId.ToString(), EventType = eventType };

    public static EntrySource FromRule(string rule, int version, IReadOnlyDictionary<string, string> inputs) =>
        new() { Kind = "rule", Rule = rule, RuleVersion = version, Inputs = inputs };
}
