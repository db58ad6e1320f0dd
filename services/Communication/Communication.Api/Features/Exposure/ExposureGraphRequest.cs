using Communication.Api.Domain.Exposure;
using Communication.Api.Domain.Warnings;
using Communication.Api.Features.Warnings;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.Exposure;

/// <summary>The whole graph as the coordinating body publishes it; <c>expectedVersion</c> guards against overwriting a newer one.</summary>
public sealed record ExposureGraphRequest(int? ExpectedVersion, IReadOnlyList<ExposureEdgeRequest>? Edges)
{
    public const int MaxEdges = 5_000;

    public RequestValidation Validate()
    {
        var validation = new RequestValidation();
        var edges = Edges ?? [];
        validation.Require(Edges is not null && edges.Count <= MaxEdges, "edges", $"'edges' lists up to {MaxEdges} links.");
        for (var i = 0; i < edges.Count; i++)
        {
            var e = edges[i];
            var field = $"edges[{i}]";
            validation.Require(e.FromCityId is not null && WarningRequest.CityIdPattern().IsMatch(e.FromCityId), $"{field}.fromCityId", "'fromCityId' is a city id.");
            validation.Require(e.ToCityId is not null && WarningRequest.CityIdPattern().IsMatch(e.ToCityId), $"{field}.toCityId", "'toCityId' is a city id.");
            validation.Require(e.FromCityId != e.ToCityId, $"{field}.toCityId", "A link joins two different cities.");
            validation.Require(e.Kind is not null && EdgeKinds.All.Contains(e.Kind), $"{field}.kind", $"'kind' is one of {string.Join(", ", EdgeKinds.All)}.");
            validation.Require((e.Categories ?? []).All(WarningCategories.All.Contains), $"{field}.categories", $"'categories' are among {string.Join(", ", WarningCategories.All)}.");
        }

        return validation;
    }

    public IReadOnlyList<ExposureEdge> ToEdges() =>
        [.. Edges!.Select(e => new ExposureEdge(e.FromCityId!, e.ToCityId!, e.Kind!, [.. (e.Categories ?? []).Distinct(StringComparer.Ordinal)]))
            .DistinctBy(e => (e.FromCityId, e.ToCityId, e.Kind))];
}

public sealed record ExposureEdgeRequest(string? FromCityId, string? ToCityId, string? Kind, IReadOnlyList<string>? Categories);

public sealed record ExposureGraphResponse(int Version, IReadOnlyList<ExposureEdgeResponse> Edges, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static ExposureGraphResponse From(int version, IReadOnlyList<ExposureEdge> edges, DateTimeOffset? at, string? by) =>
        new(version, [.. edges.Select(e => new ExposureEdgeResponse(e.FromCityId, e.ToCityId, e.Kind, e.EffectiveCategories))], at, by);
}

public sealed record ExposureEdgeResponse(string FromCityId, string ToCityId, string Kind, IReadOnlyList<string> Categories);
