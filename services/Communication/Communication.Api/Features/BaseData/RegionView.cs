using Communication.Api.Domain.BaseData;
using Platform.MemberDirectory;
using Marten;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.BaseData;

/// <summary>The community's joint capacity, each scenario's gaps, and which members' base data is stale.</summary>
public static class RegionView
{
    public static async Task<IResult> HandleAsync(IQuerySession session, TimeProvider clock, IOptions<CommunicationOptions> options, CancellationToken ct)
    {
        var members = await session.Query<MemberCity>().OrderBy(m => m.CityId).ToListAsync(ct);
        var snapshots = await session.Query<CapacitySnapshot>().ToListAsync(ct);
        var latest = snapshots.GroupBy(s => s.CityId).Select(g => g.MaxBy(s => s.Version)!).OrderBy(s => s.CityId, StringComparer.Ordinal).ToList();
        var profiles = await session.Query<RequirementProfile>().OrderBy(p => p.Id).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var interval = options.Value.SnapshotRefreshIntervalDays;
        var stale = members
            .Select(m => (m.CityId, DueBy: Staleness.DueBy(latest.SingleOrDefault(s => s.CityId == m.CityId), m, interval)))
            .Where(m => today > m.DueBy)
            .Select(m => new StaleCity(m.CityId, latest.SingleOrDefault(s => s.CityId == m.CityId)?.AsOf, m.DueBy))
            .ToList();
        return Results.Ok(new RegionViewResponse(
            [.. latest.Select(s => new CitySummary(s.CityId, s.Version, s.AsOf, s.TotalPopulation))],
            RegionCapacity.Joint(latest),
            [.. profiles.Select(p => RegionCapacity.Gaps(p, latest))],
            stale));
    }

    public static async Task<IResult> SetProfileAsync(string scenario, RequirementProfileRequest request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var validation = new RequestValidation();
        validation.Require(System.Text.RegularExpressions.Regex.IsMatch(scenario, "^[a-z0-9-]{1,40}$"), "scenario", "A scenario is lower-case letters, digits and hyphens.");
        var lines = request.Requirements ?? [];
        validation.Require(lines.Count is > 0 and <= 200, "requirements", "'requirements' lists 1 to 200 items.");
        for (var i = 0; i < lines.Count; i++)
        {
            validation.Require(lines[i].Kind is not null && CapacityKinds.All.Contains(lines[i].Kind), $"requirements[{i}].kind", "'kind' is supply, team or equipment.");
            validation.RequireText(lines[i].Resource, $"requirements[{i}].resource", 100);
            validation.RequireText(lines[i].Unit, $"requirements[{i}].unit", 20);
            validation.Require(lines[i].Quantity is > 0, $"requirements[{i}].quantity", "'quantity' is above zero.");
            validation.Require(lines[i].PerPeople is > 0, $"requirements[{i}].perPeople", "'perPeople' is above zero.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var profile = new RequirementProfile
        {
            Id = scenario, Description = request.Description?.Trim() ?? scenario, UpdatedAt = clock.GetUtcNow(),
            Requirements = [.. lines.Select(l => new Requirement(l.Kind!, l.Resource!.Trim(), l.Unit!.Trim(), l.Quantity!.Value, l.PerPeople!.Value))],
        };
        session.Store(profile);
        await session.SaveChangesAsync(ct);
        return Results.Ok(profile);
    }
}

public sealed record RequirementProfileRequest(string? Description, IReadOnlyList<RequirementRequest>? Requirements);

public sealed record RequirementRequest(string? Kind, string? Resource, string? Unit, decimal? Quantity, long? PerPeople);

public sealed record RegionViewResponse(IReadOnlyList<CitySummary> Cities, IReadOnlyList<JointItem> JointCapacity, IReadOnlyList<ScenarioGaps> Scenarios, IReadOnlyList<StaleCity> Stale);

public sealed record CitySummary(string CityId, int Version, DateOnly AsOf, long TotalPopulation);

public sealed record StaleCity(string CityId, DateOnly? LastAsOf, DateOnly DueBy);
