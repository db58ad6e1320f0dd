using System.Xml.Linq;

namespace Communication.Tests.Cap;

/// <summary>The CAP 1.2 specification's own example messages (Appendix A), embedded as test resources.</summary>
public static class SpecExamples
{
    public const string HomelandSecurityAdvisory = "a1-homeland-security-advisory.xml";
    public const string SevereThunderstormWarning = "a2-severe-thunderstorm-warning.xml";
    public const string EarthquakeReportUpdate = "a3-earthquake-report-update.xml";
    public const string AmberAlertMultilingual = "a4-amber-alert-multilingual.xml";

    public static TheoryData<string> All => [HomelandSecurityAdvisory, SevereThunderstormWarning, EarthquakeReportUpdate, AmberAlertMultilingual];

    public static string Text(string name)
    {
        using var stream = typeof(SpecExamples).Assembly.GetManifestResourceStream($"Examples.{name}")
            ?? throw new InvalidOperationException($"No embedded example {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static XDocument Document(string name) => XDocument.Parse(Text(name));
}
