using Communication.Api.Domain.Cap;

namespace Communication.Api.Domain.Warnings;

/// <summary>
/// A risk warning as issued: the CAP message exactly as the sender sent it (or as composed from JSON), what the platform read
/// from it, and whom it reached. An update or a cancellation is a warning of its own that references the ones it replaces
/// (CAP <c>msgType</c> Update/Cancel, <c>references</c>); the replaced ones record that they were.
/// </summary>
public sealed class Warning
{
    public Guid Id { get; set; }

    /// <summary>The CAP identifier, unique per sender (CAP 1.2 §3.2.1).</summary>
    public string Identifier { get; set; } = string.Empty;

    public string SenderCityId { get; set; } = string.Empty;

    public string MsgType { get; set; } = "Alert";

    public string Category { get; set; } = string.Empty;

    public WarningLevel Level { get; set; }

    public string Event { get; set; } = string.Empty;

    public string? Headline { get; set; }

    public List<string> NamedCityIds { get; set; } = [];

    /// <summary>The cities named plus those the exposure graph reaches from the sender, without the sender itself.</summary>
    public List<string> ReachedCityIds { get; set; } = [];

    /// <summary>The version of the exposure graph the reach was computed on.</summary>
    public int GraphVersion { get; set; }

    public List<Guid> References { get; set; } = [];

    public DateTimeOffset Sent { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? Onset { get; set; }

    public DateTimeOffset? Expires { get; set; }

    /// <summary>The update or cancellation that replaced this warning, if any.</summary>
    public Guid? ReplacedBy { get; set; }

    public string? ReplacedByMsgType { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public CapAlert Cap { get; set; } = null!;

    public bool IsCancellation => MsgType == MsgTypes.Cancel;

    /// <summary>
    /// Issues a warning. <paramref name="graphReach"/> is what the exposure graph reaches from the sender for this category;
    /// <paramref name="replaced"/> are the warnings it references, whose reached cities it reaches too, so an update or a
    /// cancellation arrives on every feed the original did.
    /// </summary>
    public static Warning Issue(
        Guid id, string senderCityId, CapAlert cap, WarningDraft draft, IReadOnlyCollection<string> graphReach, int graphVersion,
        IReadOnlyList<Warning> replaced, DateTimeOffset now)
    {
        var reached = draft.NamedCityIds.Concat(graphReach).Concat(replaced.SelectMany(r => r.ReachedCityIds))
            .Where(c => c != senderCityId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new Warning
        {
            Id = id,
            Identifier = cap.Identifier,
            SenderCityId = senderCityId,
            MsgType = cap.MsgType,
            Category = draft.Category,
            Level = draft.Level,
            Event = draft.Event,
            Headline = draft.Headline,
            NamedCityIds = [.. draft.NamedCityIds],
            ReachedCityIds = reached,
            GraphVersion = graphVersion,
            References = [.. replaced.Select(r => r.Id)],
            Sent = cap.Sent,
            ReceivedAt = now,
            Onset = draft.Onset,
            Expires = draft.Expires,
            Cap = cap,
        };
    }

    public void ReplaceWith(Warning successor)
    {
        ReplacedBy = successor.Id;
        ReplacedByMsgType = successor.MsgType;
    }

    /// <summary>CAP 1.2 §3.2.1 <c>references</c>: "sender,identifier,sent" of each message replaced, separated by spaces.</summary>
    public string CapReference() => $"{Cap.Sender},{Identifier},{CapXml.Format(Cap.Sent)}";

    /// <summary>Parses a CAP <c>references</c> value into (sender, identifier) pairs; malformed entries are returned as null.</summary>
    public static IReadOnlyList<(string Sender, string Identifier)?> ParseReferences(string? references) =>
        string.IsNullOrWhiteSpace(references)
            ? []
            : [.. references.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',') is [var sender, var identifier, _]
                ? ((string, string)?)(sender, identifier)
                : null)];
}

/// <summary>The CAP message types a warning may have (CAP 1.2 §3.2.1); Ack and Error are not warnings.</summary>
public static class MsgTypes
{
    public const string Alert = "Alert";
    public const string Update = "Update";
    public const string Cancel = "Cancel";

    public static readonly IReadOnlyList<string> Warnings = [Alert, Update, Cancel];
}
