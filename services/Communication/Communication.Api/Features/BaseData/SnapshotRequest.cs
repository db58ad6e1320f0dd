using Communication.Api.Domain.BaseData;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.BaseData;

/// <summary>A city's base data as of a date: population by district, reserves, teams and equipment.</summary>
public sealed record SnapshotRequest(
    DateOnly? AsOf,
    IReadOnlyList<DistrictRequest>? Population,
    IReadOnlyList<ReserveRequest>? Reserves,
    IReadOnlyList<TeamRequest>? Teams,
    IReadOnlyList<EquipmentRequest>? Equipment)
{
    public RequestValidation Validate(DateOnly today)
    {
        var validation = new RequestValidation();
        validation.Require(AsOf is not null && AsOf <= today, "asOf", "'asOf' is the date the figures hold for, not in the future.");
        var districts = Population ?? [];
        validation.Require(districts.Count is > 0 and <= 500, "population", "'population' lists 1 to 500 districts.");
        validation.Require(districts.Select(d => d.District).Distinct().Count() == districts.Count, "population", "Each district is listed once.");
        for (var i = 0; i < districts.Count; i++)
        {
            validation.RequireText(districts[i].District, $"population[{i}].district", 100);
            validation.Require(districts[i].People is >= 0, $"population[{i}].people", "'people' is zero or more.");
        }

        Lines(validation, "reserves", Reserves?.Select(r => (r.Resource, r.Quantity, r.Unit)).ToList());
        Lines(validation, "teams", Teams?.Select(t => (t.Kind, (decimal?)t.Size, (string?)"people")).ToList());
        Lines(validation, "equipment", Equipment?.Select(e => (e.Kind, (decimal?)e.Count, (string?)"units")).ToList());
        return validation;
    }

    public List<CapacityItem> ToItems() =>
    [
        .. (Reserves ?? []).Select(r => new CapacityItem(CapacityKinds.Supply, r.Resource!.Trim(), r.Quantity!.Value, r.Unit!.Trim())),
        .. (Teams ?? []).Select(t => new CapacityItem(CapacityKinds.Team, t.Kind!.Trim(), t.Size!.Value, "people")),
        .. (Equipment ?? []).Select(e => new CapacityItem(CapacityKinds.Equipment, e.Kind!.Trim(), e.Count!.Value, "units")),
    ];

    /// <summary>More than any region holds of anything (a trillion tonnes, litres or units): beyond it a figure is a typo.</summary>
    private const decimal MaxQuantity = 1_000_000_000_000m;

    /// <summary>Kilograms of a tonne, millilitres of a litre: finer figures are noise a report should not carry.</summary>
    private const int MaxQuantityDecimals = 3;

    private static void Lines(RequestValidation validation, string field, List<(string? Name, decimal? Quantity, string? Unit)>? lines)
    {
        foreach (var ((name, quantity, unit), i) in (lines ?? []).Select((l, i) => (l, i)))
        {
            validation.RequireText(name, $"{field}[{i}]", 100);
            validation.Require(quantity is >= 0, $"{field}[{i}]", "Quantities are zero or more.");
            validation.Require(
                quantity is not { } q || (q <= MaxQuantity && q.Scale <= MaxQuantityDecimals),
                $"{field}[{i}].quantity",
                $"Quantities are at most {MaxQuantity:N0} with at most {MaxQuantityDecimals} decimals.");
            validation.RequireText(unit, $"{field}[{i}].unit", 20);
        }
    }
}

public sealed record DistrictRequest(string? District, long? People);

public sealed record ReserveRequest(string? Resource, decimal? Quantity, string? Unit);

public sealed record TeamRequest(string? Kind, int? Size);

public sealed record EquipmentRequest(string? Kind, int? Count);

/// <summary>
/// A city's capacity as others see it: totals only. <see cref="Districts"/> (the raw figures) is filled for the coordinating body
/// and the city itself, and null for everyone else (Access).
/// </summary>
public sealed record CapacityResponse(
    string CityId, int? Version, DateOnly? AsOf, DateOnly? DueBy, bool Stale, long? TotalPopulation, IReadOnlyList<DistrictPopulation>? Districts,
    IReadOnlyList<CapacityItem> Items)
{
    public static CapacityResponse From(string cityId, CapacitySnapshot? s, DateOnly dueBy, bool stale, bool raw) =>
        new(cityId, s?.Version, s?.AsOf, dueBy, stale, s?.TotalPopulation, raw ? s?.Population : null, s?.Items ?? []);
}
