using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Communication.Api.Infrastructure.Cap;

/// <summary>
/// Parses a CAP message and validates it against the CAP 1.2 schema (embedded <c>cap-1.2.xsd</c>, OASIS CAP 1.2 §4). DTDs and
/// external entities are refused (no XXE), and the first problem is reported with the element it concerns, so a sender
/// learns exactly what to fix.
/// </summary>
public static class CapSchema
{
    private static readonly XmlSchemaSet Schemas = Load();

    public static CapParseResult Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        string? element = null;
        try
        {
            // A first pass only to know the element being read when the XML breaks, so the 400 can name it.
            using (var scan = XmlReader.Create(new StringReader(xml), settings))
            {
                while (scan.Read())
                {
                    element = scan.NodeType == XmlNodeType.Element ? scan.LocalName : element;
                }
            }

            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var document = XDocument.Load(reader);
            if (document.Root?.Name != Domain.Cap.CapXml.Ns + "alert")
            {
                return CapParseResult.Invalid(document.Root?.Name.LocalName ?? "alert", "The root element must be the CAP 1.2 'alert' (namespace urn:oasis:names:tc:emergency:cap:1.2).");
            }

            CapParseResult? invalid = null;
            document.Validate(Schemas, (source, e) => invalid ??= CapParseResult.Invalid(
                source switch { XElement el => el.Name.LocalName, XAttribute at => at.Parent?.Name.LocalName ?? at.Name.LocalName, _ => "alert" },
                $"Not valid against the CAP 1.2 schema: {e.Message}"));
            return invalid ?? CapParseResult.Valid(document);
        }
        catch (XmlException e)
        {
            return CapParseResult.Invalid(element ?? "alert", $"Malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}");
        }
    }

    private static XmlSchemaSet Load()
    {
        using var stream = typeof(CapSchema).Assembly.GetManifestResourceStream("Cap.cap-1.2.xsd")
            ?? throw new InvalidOperationException("The CAP 1.2 schema is not embedded.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add("urn:oasis:names:tc:emergency:cap:1.2", reader);
        set.Compile();
        return set;
    }
}

/// <summary>A parsed and valid CAP document, or the element at fault and why.</summary>
public sealed record CapParseResult(XDocument? Document, string? Element, string? Error)
{
    public bool IsValid => Document is not null;

    public static CapParseResult Valid(XDocument document) => new(document, null, null);

    public static CapParseResult Invalid(string element, string error) => new(null, element, error);
}
