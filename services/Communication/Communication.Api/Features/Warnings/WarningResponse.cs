using Communication.Api.Domain.Warnings;

namespace Communication.Api.Features.Warnings;

/// <summary>A warning in JSON; <c>GET …/warnings/{id}</c> with <c>Accept: application/cap+xml</c> serves the CAP 1.2 message instead.</summary>
public sealed record WarningResponse(
    Guid Id,
    string Identifier,
    string SenderCityId,
    string MsgType,
    string Category,
    string Level,
    string Severity,
    string Urgency,
    string Event,
    string? Headline,
    string? Instruction,
    WarningAreaResponse Area,
    IReadOnlyList<string> ReachedCityIds,
    int GraphVersion,
    IReadOnlyList<Guid> References,
    Guid? ReplacedBy,
    string? ReplacedByMsgType,
    DateTimeOffset Sent,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires,
    DateTimeOffset? EscalatedAt)
{
    public static WarningResponse From(Warning w)
    {
        var info = w.Cap.Infos.Count > 0 ? w.Cap.Infos[0] : null;
        var areas = w.Cap.Infos.Take(1).SelectMany(i => i.Areas).ToList();
        return new WarningResponse(
            w.Id, w.Identifier, w.SenderCityId, w.MsgType, w.Category, w.Level.Name(), info?.Severity ?? w.Level.Severity(),
            info?.Urgency ?? w.Level.Urgency(), w.Event, w.Headline, info?.Instruction,
            new WarningAreaResponse(
                string.Join("; ", areas.Select(a => a.AreaDesc)), [.. areas.SelectMany(a => a.Polygons)], [.. areas.SelectMany(a => a.Circles)],
                w.NamedCityIds),
            w.ReachedCityIds, w.GraphVersion, w.References, w.ReplacedBy, w.ReplacedByMsgType, w.Sent, w.ReceivedAt, w.Onset, w.Expires,
            w.EscalatedAt);
    }
}

public sealed record WarningAreaResponse(string Description, IReadOnlyList<string> Polygons, IReadOnlyList<string> Circles, IReadOnlyList<string> CityIds);
