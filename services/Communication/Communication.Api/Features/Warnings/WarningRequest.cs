using System.Globalization;
using System.Text.RegularExpressions;
using Communication.Api.Domain.Cap;
using Communication.Api.Domain.Warnings;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.Warnings;

/// <summary>
/// A warning in JSON: the sender city (the caller's own; may be left out), the risk category, the four-colour level, the event,
/// the area (CAP polygons and circles, and the member cities named), onset, expiry and instructions; an update or a cancellation
/// names the warnings it replaces in <c>references</c>. Composed into the CAP 1.2 message it is served as.
/// </summary>
public sealed partial record WarningRequest(
    string? SenderCityId,
    string? MsgType,
    string? Category,
    string? Level,
    string? Event,
    string? Headline,
    string? Description,
    string? Instruction,
    WarningAreaRequest? Area,
    IReadOnlyList<string>? CityIds,
    IReadOnlyList<Guid>? References,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires)
{
    public RequestValidation Validate()
    {
        var validation = new RequestValidation();
        var msgType = MsgType ?? MsgTypes.Alert;
        validation.Require(MsgTypes.Warnings.Contains(msgType), "msgType", "'msgType' is Alert, Update or Cancel.");
        validation.Require(msgType == MsgTypes.Alert || References is { Count: > 0 }, "references", "An Update or Cancel names the warnings it replaces.");
        validation.Require(Category is not null && WarningCategories.All.Contains(Category), "category", $"'category' is one of {string.Join(", ", WarningCategories.All)}.");
        validation.Require(WarningLevels.TryParse(Level, out _), "level", "'level' is blue, yellow, orange or red.");
        validation.RequireText(Event, "event");
        validation.Require(Headline is null || Headline.Length <= 300, "headline", "'headline' is at most 300 characters.");
        validation.Require(Description is null || Description.Length <= 8000, "description", "'description' is at most 8000 characters.");
        validation.Require(Instruction is null || Instruction.Length <= 8000, "instruction", "'instruction' is at most 8000 characters.");
        validation.Require(Onset is null || Expires is null || Expires > Onset, "expires", "'expires' is after 'onset'.");
        foreach (var (city, i) in AllCityIds().Select((c, i) => (c, i)))
        {
            validation.Require(CityIdPattern().IsMatch(city), $"cityIds[{i}]", "A city id is lower-case letters, digits and hyphens.");
        }

        foreach (var (polygon, i) in (Area?.Polygons ?? []).Select((p, i) => (p, i)))
        {
            validation.Require(IsPolygon(polygon), $"area.polygons[{i}]", "A CAP polygon is four or more 'lat,lon' pairs separated by spaces, the first and last equal.");
        }

        foreach (var (circle, i) in (Area?.Circles ?? []).Select((c, i) => (c, i)))
        {
            validation.Require(IsCircle(circle), $"area.circles[{i}]", "A CAP circle is 'lat,lon radius' with the radius in kilometres.");
        }

        return validation;
    }

    public IReadOnlyList<string> AllCityIds() =>
        [.. (CityIds ?? []).Concat(Area?.CityIds ?? []).Select(c => c.Trim()).Distinct(StringComparer.Ordinal)];

    /// <summary>The CAP 1.2 message of this warning (only after <see cref="Validate"/> passed).</summary>
    public CapAlert ToCap(string senderCityId, string identifier, DateTimeOffset now)
    {
        var level = WarningLevels.TryParse(Level, out var parsed) ? parsed : throw new InvalidOperationException("Validate the request first.");
        var area = new CapArea(
            Area?.Description ?? "Member cities named",
            [.. Area?.Polygons ?? []],
            [.. Area?.Circles ?? []],
            [.. AllCityIds().Select(c => new CapValue(WarningDraft.CityGeocode, c))],
            null,
            null);
        var info = new CapInfo(
            "zh-CN", [WarningCategories.ToCap(Category!)], Event!.Trim(), [], level.Urgency(), level.Severity(), "Likely", null, [],
            null, Onset, Expires, senderCityId, Headline, Description, Instruction, null, null,
            [new CapValue(WarningDraft.LevelParameter, level.Name())], [], [area]);
        return new CapAlert(
            identifier, senderCityId, Truncate(now), "Actual", MsgType ?? MsgTypes.Alert, null, "Public", null, null, [], null, null, null, [info]);
    }

    /// <summary>CAP times have whole seconds (CAP 1.2 §3.3.2).</summary>
    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    private static bool IsPolygon(string polygon)
    {
        var points = polygon.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return points.Length >= 4 && points.All(IsPoint) && points[0] == points[^1];
    }

    private static bool IsCircle(string circle) =>
        circle.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var centre, var radius]
        && IsPoint(centre) && decimal.TryParse(radius, NumberStyles.Number, CultureInfo.InvariantCulture, out var r) && r >= 0;

    private static bool IsPoint(string point) =>
        point.Split(',') is [var lat, var lon]
        && decimal.TryParse(lat, NumberStyles.Number, CultureInfo.InvariantCulture, out var la) && la is >= -90 and <= 90
        && decimal.TryParse(lon, NumberStyles.Number, CultureInfo.InvariantCulture, out var lo) && lo is >= -180 and <= 180;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    public static partial Regex CityIdPattern();
}

/// <summary>Where the warning applies: CAP polygons and circles, and the member cities named (CAP geocode <c>city-id</c>).</summary>
public sealed record WarningAreaRequest(string? Description, IReadOnlyList<string>? Polygons, IReadOnlyList<string>? Circles, IReadOnlyList<string>? CityIds);
