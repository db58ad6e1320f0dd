using System.Security.Claims;
using Communication.Api.Domain.BaseData;
using Platform.MemberDirectory;
using Marten;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.BaseData;

/// <summary>Base data: cities publish versioned capacity snapshots; everyone reads summaries and the region view.</summary>
public static class BaseDataEndpoints
{
    public static RouteGroupBuilder MapBaseDataEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/snapshots", PublishAsync).WithTags("Base data").RequireAuthorization(CommunicationPolicies.City)
            .Produces<CapacityResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("The calling city publishes a new version of its base data (population by district, reserves, teams, equipment).");
        api.MapGet("/capacity/{cityId}", ReadAsync).WithTags("Base data").RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<CapacityResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A member city's latest base data: totals for all, district figures for the coordinating body and the city itself.");
        api.MapGet("/region-view", RegionView.HandleAsync).WithTags("Base data").RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<RegionViewResponse>()
            .WithSummary("Joint capacity of the community against each scenario's requirement profile, with the gaps and stale snapshots.");
        api.MapPut("/requirement-profiles/{scenario}", RegionView.SetProfileAsync).WithTags("Base data").RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<RequirementProfile>().ProducesValidationProblem()
            .WithSummary("Sets what a scenario requires per people exposed (coordinating body).");
        return api;
    }

    private static async Task<IResult> PublishAsync(
        SnapshotRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<CommunicationOptions> options, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var validation = request.Validate(DateOnly.FromDateTime(now.UtcDateTime));
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var cityId = user.CityId()!;
        var previous = await LatestAsync(session, cityId, ct);
        var snapshot = new CapacitySnapshot
        {
            Id = Guid.CreateVersion7(now), CityId = cityId, Version = (previous?.Version ?? 0) + 1, AsOf = request.AsOf!.Value, PublishedAt = now,
            Population = [.. request.Population!.Select(d => new DistrictPopulation(d.District!.Trim(), d.People!.Value))], Items = request.ToItems(),
        };
        // The unique (city, version) index makes two concurrent publications of one version a conflict, not a fork.
        session.Insert(snapshot);
        await session.SaveChangesAsync(ct);
        var interval = options.Value.SnapshotRefreshIntervalDays;
        return Results.Created(
            $"{CommunicationModule.RoutePrefix}/capacity/{cityId}",
            CapacityResponse.From(cityId, snapshot, snapshot.DueBy(interval), snapshot.IsStale(DateOnly.FromDateTime(now.UtcDateTime), interval), raw: true));
    }

    private static async Task<IResult> ReadAsync(
        string cityId, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, IOptions<CommunicationOptions> options, CancellationToken ct)
    {
        var member = await session.LoadAsync<MemberCity>(cityId, ct);
        if (member is null)
        {
            return Problems.NotFound($"No member city '{cityId}'.");
        }

        var snapshot = await LatestAsync(session, cityId, ct);
        var interval = options.Value.SnapshotRefreshIntervalDays;
        var dueBy = Staleness.DueBy(snapshot, member, interval);
        var raw = user.Role() == PlatformRoles.Coordinator || user.CityId() == cityId;
        return Results.Ok(CapacityResponse.From(cityId, snapshot, dueBy, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) > dueBy, raw));
    }

    public static Task<CapacitySnapshot?> LatestAsync(IQuerySession session, string cityId, CancellationToken ct) =>
        session.Query<CapacitySnapshot>().Where(s => s.CityId == cityId).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
}

/// <summary>When a city's next snapshot is due: its latest's as-of date, or the day it joined, plus the agreed interval.</summary>
public static class Staleness
{
    public static DateOnly DueBy(CapacitySnapshot? latest, MemberCity member, int intervalDays) =>
        latest?.DueBy(intervalDays) ?? DateOnly.FromDateTime((member.JoinedAt ?? DateTimeOffset.UnixEpoch).UtcDateTime).AddDays(intervalDays);
}
