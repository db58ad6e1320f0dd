namespace Communication.Api.Domain.Cap;

/// <summary>
/// An OASIS Common Alerting Protocol 1.2 <c>alert</c> message (CAP 1.2 §3.2.1), element for element, so a message read from XML
/// and written back keeps every field. Times keep their offset as sent (CAP 1.2 §3.3.2: "the time zone of the sender").
/// </summary>
public sealed record CapAlert(
    string Identifier,
    string Sender,
    DateTimeOffset Sent,
    string Status,
    string MsgType,
    string? Source,
    string Scope,
    string? Restriction,
    string? Addresses,
    IReadOnlyList<string> Codes,
    string? Note,
    string? References,
    string? Incidents,
    IReadOnlyList<CapInfo> Infos);

/// <summary>One <c>info</c> block (CAP 1.2 §3.2.2): the event, its urgency, severity and certainty, and where it applies.</summary>
public sealed record CapInfo(
    string? Language,
    IReadOnlyList<string> Categories,
    string Event,
    IReadOnlyList<string> ResponseTypes,
    string Urgency,
    string Severity,
    string Certainty,
    string? Audience,
    IReadOnlyList<CapValue> EventCodes,
    DateTimeOffset? Effective,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires,
    string? SenderName,
    string? Headline,
    string? Description,
    string? Instruction,
    string? Web,
    string? Contact,
    IReadOnlyList<CapValue> Parameters,
    IReadOnlyList<CapResource> Resources,
    IReadOnlyList<CapArea> Areas);

/// <summary>A <c>valueName</c>/<c>value</c> pair (eventCode, parameter, geocode).</summary>
public sealed record CapValue(string ValueName, string Value);

/// <summary>A <c>resource</c> (CAP 1.2 §3.2.3).</summary>
public sealed record CapResource(string ResourceDesc, string MimeType, long? Size, string? Uri, string? DerefUri, string? Digest);

/// <summary>An <c>area</c> (CAP 1.2 §3.2.4): polygons and circles as the spec writes them ("lat,lon lat,lon …", "lat,lon radius").</summary>
public sealed record CapArea(
    string AreaDesc,
    IReadOnlyList<string> Polygons,
    IReadOnlyList<string> Circles,
    IReadOnlyList<CapValue> Geocodes,
    decimal? Altitude,
    decimal? Ceiling);
