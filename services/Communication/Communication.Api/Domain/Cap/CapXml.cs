using System.Globalization;
using System.Xml.Linq;

namespace Communication.Api.Domain.Cap;

/// <summary>
/// Reads and writes CAP 1.2 XML (namespace <c>urn:oasis:names:tc:emergency:cap:1.2</c>). Reading assumes a document the
/// schema already accepted (see <c>CapSchema</c>), so required elements are present and enumerations valid; writing emits
/// elements in the schema's order and omits absent optional ones.
/// </summary>
public static class CapXml
{
    public static readonly XNamespace Ns = "urn:oasis:names:tc:emergency:cap:1.2";

    public static CapAlert Read(XDocument document)
    {
        var alert = document.Root!;
        return new CapAlert(
            Text(alert, "identifier")!,
            Text(alert, "sender")!,
            Time(alert, "sent")!.Value,
            Text(alert, "status")!,
            Text(alert, "msgType")!,
            Text(alert, "source"),
            Text(alert, "scope")!,
            Text(alert, "restriction"),
            Text(alert, "addresses"),
            Texts(alert, "code"),
            Text(alert, "note"),
            Text(alert, "references"),
            Text(alert, "incidents"),
            [.. alert.Elements(Ns + "info").Select(ReadInfo)]);
    }

    public static XDocument Write(CapAlert alert) => new(
        new XDeclaration("1.0", "UTF-8", null),
        new XElement(
            Ns + "alert",
            El("identifier", alert.Identifier),
            El("sender", alert.Sender),
            El("sent", Format(alert.Sent)),
            El("status", alert.Status),
            El("msgType", alert.MsgType),
            El("source", alert.Source),
            El("scope", alert.Scope),
            El("restriction", alert.Restriction),
            El("addresses", alert.Addresses),
            alert.Codes.Select(c => El("code", c)),
            El("note", alert.Note),
            El("references", alert.References),
            El("incidents", alert.Incidents),
            alert.Infos.Select(WriteInfo)));

    /// <summary>CAP 1.2 §3.3.2: times are written "2002-05-24T16:49:00-07:00", never with "Z" or fractions.</summary>
    public static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static CapInfo ReadInfo(XElement info) => new(
        Text(info, "language"),
        Texts(info, "category"),
        Text(info, "event")!,
        Texts(info, "responseType"),
        Text(info, "urgency")!,
        Text(info, "severity")!,
        Text(info, "certainty")!,
        Text(info, "audience"),
        Values(info, "eventCode"),
        Time(info, "effective"),
        Time(info, "onset"),
        Time(info, "expires"),
        Text(info, "senderName"),
        Text(info, "headline"),
        Text(info, "description"),
        Text(info, "instruction"),
        Text(info, "web"),
        Text(info, "contact"),
        Values(info, "parameter"),
        [.. info.Elements(Ns + "resource").Select(r => new CapResource(
            Text(r, "resourceDesc")!, Text(r, "mimeType")!, Text(r, "size") is { } size ? long.Parse(size, CultureInfo.InvariantCulture) : null,
            Text(r, "uri"), Text(r, "derefUri"), Text(r, "digest")))],
        [.. info.Elements(Ns + "area").Select(a => new CapArea(
            Text(a, "areaDesc")!, Texts(a, "polygon"), Texts(a, "circle"), Values(a, "geocode"),
            Decimal(a, "altitude"), Decimal(a, "ceiling")))]);

    private static XElement WriteInfo(CapInfo info) => new(
        Ns + "info",
        El("language", info.Language),
        info.Categories.Select(c => El("category", c)),
        El("event", info.Event),
        info.ResponseTypes.Select(r => El("responseType", r)),
        El("urgency", info.Urgency),
        El("severity", info.Severity),
        El("certainty", info.Certainty),
        El("audience", info.Audience),
        info.EventCodes.Select(v => Pair("eventCode", v)),
        El("effective", info.Effective is { } effective ? Format(effective) : null),
        El("onset", info.Onset is { } onset ? Format(onset) : null),
        El("expires", info.Expires is { } expires ? Format(expires) : null),
        El("senderName", info.SenderName),
        El("headline", info.Headline),
        El("description", info.Description),
        El("instruction", info.Instruction),
        El("web", info.Web),
        El("contact", info.Contact),
        info.Parameters.Select(v => Pair("parameter", v)),
        info.Resources.Select(r => new XElement(
            Ns + "resource",
            El("resourceDesc", r.ResourceDesc),
            El("mimeType", r.MimeType),
            El("size", r.Size?.ToString(CultureInfo.InvariantCulture)),
            El("uri", r.Uri),
            El("derefUri", r.DerefUri),
            El("digest", r.Digest))),
        info.Areas.Select(a => new XElement(
            Ns + "area",
            El("areaDesc", a.AreaDesc),
            a.Polygons.Select(p => El("polygon", p)),
            a.Circles.Select(c => El("circle", c)),
            a.Geocodes.Select(g => Pair("geocode", g)),
            El("altitude", a.Altitude?.ToString(CultureInfo.InvariantCulture)),
            El("ceiling", a.Ceiling?.ToString(CultureInfo.InvariantCulture)))));

    private static XElement? El(string name, string? value) => value is null ? null : new XElement(Ns + name, value);

    private static XElement Pair(string name, CapValue value) =>
        new(Ns + name, new XElement(Ns + "valueName", value.ValueName), new XElement(Ns + "value", value.Value));

    private static string? Text(XElement parent, string name) => parent.Element(Ns + name)?.Value;

    private static List<string> Texts(XElement parent, string name) => [.. parent.Elements(Ns + name).Select(e => e.Value)];

    private static List<CapValue> Values(XElement parent, string name) =>
        [.. parent.Elements(Ns + name).Select(e => new CapValue(Text(e, "valueName")!, Text(e, "value")!))];

    private static DateTimeOffset? Time(XElement parent, string name) =>
        Text(parent, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;

    private static decimal? Decimal(XElement parent, string name) =>
        Text(parent, name) is { } text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : null;
}
