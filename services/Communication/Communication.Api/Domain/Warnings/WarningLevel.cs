namespace Communication.Api.Domain.Warnings;

/// <summary>The four-colour warning level of the national early-warning scheme: blue (IV), yellow (III), orange (II), red (I).</summary>
public enum WarningLevel
{
    Blue,
    Yellow,
    Orange,
    Red,
}

/// <summary>
/// The level's wire names and its CAP 1.2 severity and urgency (CAP 1.2 §3.2.2).
/// </summary>
/// <remarks>
/// Implementation note: the colour is a severity scale, so it maps one to one onto CAP's four known severities (red
/// Extreme, orange Severe, yellow Moderate, blue Minor) and is read back from the severity alone; urgency only says how
/// soon to act (red Immediate, orange and yellow Expected, blue Future), so an outside message's urgency never changes
/// its colour. CAP's "Unknown" severity reads as blue, the lowest duty, rather than refusing a valid message.
/// </remarks>
public static class WarningLevels
{
    public static readonly IReadOnlyList<string> Names = ["blue", "yellow", "orange", "red"];

    public static string Name(this WarningLevel level) => Names[(int)level];

    public static bool TryParse(string? name, out WarningLevel level)
    {
        var index = name is null ? -1 : Names.IndexOf(name.Trim().ToLowerInvariant());
        level = index < 0 ? default : (WarningLevel)index;
        return index >= 0;
    }

    public static string Severity(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "Extreme",
        WarningLevel.Orange => "Severe",
        WarningLevel.Yellow => "Moderate",
        _ => "Minor",
    };

    public static string Urgency(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "Immediate",
        WarningLevel.Orange or WarningLevel.Yellow => "Expected",
        _ => "Future",
    };

    public static WarningLevel FromSeverity(string severity) => severity switch
    {
        "Extreme" => WarningLevel.Red,
        "Severe" => WarningLevel.Orange,
        "Moderate" => WarningLevel.Yellow,
        _ => WarningLevel.Blue,
    };

    private static int IndexOf(this IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
