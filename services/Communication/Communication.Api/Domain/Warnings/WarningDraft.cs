using Communication.Api.Domain.Cap;

namespace Communication.Api.Domain.Warnings;

/// <summary>
/// What the platform reads from a CAP alert: the level, risk category and event of its first <c>info</c> (the others are the
/// same warning in other languages, CAP 1.2 §3.2.2), and the member cities its areas name as <c>geocode</c>s with
/// <c>valueName</c> <see cref="CityGeocode"/>.
/// </summary>
public sealed record WarningDraft(
    WarningLevel Level,
    string Category,
    string Event,
    string? Headline,
    IReadOnlyList<string> NamedCityIds,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires)
{
    public const string CityGeocode = "city-id";

    /// <summary>The parameter a warning issued here carries with its colour, so the colour survives a round trip exactly.</summary>
    public const string LevelParameter = "level";

    /// <summary>Null when the alert has no <c>info</c>: a bare CAP message (e.g. a Cancel) takes what it needs from what it references.</summary>
    public static WarningDraft? From(CapAlert alert)
    {
        if (alert.Infos.Count == 0)
        {
            return null;
        }

        var info = alert.Infos[0];
        var level = info.Parameters.FirstOrDefault(p => p.ValueName == LevelParameter) is { } colour && WarningLevels.TryParse(colour.Value, out var named)
            ? named
            : WarningLevels.FromSeverity(info.Severity);
        var cities = alert.Infos.SelectMany(i => i.Areas).SelectMany(a => a.Geocodes)
            .Where(g => g.ValueName == CityGeocode).Select(g => g.Value.Trim())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new WarningDraft(level, WarningCategories.FromCap(info.Categories), info.Event, info.Headline, cities, info.Onset, info.Expires);
    }
}
