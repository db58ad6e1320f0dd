using System.Security.Claims;
using Communication.Api.Domain.Exposure;
using Communication.Api.Domain.Warnings;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Exposure;

/// <summary>The exposure graph: read by all, replaced as a new version by the coordinating body, with a reach preview.</summary>
public static class ExposureEndpoints
{
    public static RouteGroupBuilder MapExposureEndpoints(this RouteGroupBuilder api)
    {
        var graph = api.MapGroup("/exposure-graph").WithTags("Exposure graph");
        graph.MapGet("/", ReadAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<ExposureGraphResponse>()
            .WithSummary("Reads the exposure graph in force (version 0 and no links before the first publication).");
        graph.MapPut("/", ReplaceAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<ExposureGraphResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Publishes a new version of the exposure graph (coordinating body).");
        graph.MapGet("/versions/{version:int}", ReadVersionAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<ExposureGraphResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads an earlier version of the exposure graph.");
        graph.MapGet("/reach/{fromCityId}/{category}", ReachAsync)
            .RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<ReachResponse>()
            .ProducesValidationProblem()
            .WithSummary("The cities a risk of a category starting in a city reaches by the graph in force.");
        return graph;
    }

    private static async Task<IResult> ReadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var graph = await session.LoadAsync<ExposureGraph>(ExposureGraph.CurrentId, cancellationToken) ?? ExposureGraph.Empty;
        return Results.Ok(ExposureGraphResponse.From(graph.Version, graph.Edges, graph.Version == 0 ? null : graph.UpdatedAt, graph.Version == 0 ? null : graph.UpdatedBy));
    }

    private static async Task<IResult> ReplaceAsync(
        ExposureGraphRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var graph = await session.LoadAsync<ExposureGraph>(ExposureGraph.CurrentId, cancellationToken) ?? ExposureGraph.Empty;
        if (request.ExpectedVersion is { } expected && expected != graph.Version)
        {
            return Problems.Conflict("Stale graph", $"The graph is at version {graph.Version}, not {expected}; read it again and reapply the change.");
        }

        var version = graph.Replace(request.ToEdges(), clock.GetUtcNow(), user.FindFirst(PlatformClaims.ClientId)?.Value ?? user.Role() ?? "coordinator");
        session.Store(graph);
        // Inserting the version document also makes two concurrent publications of the same version conflict.
        session.Insert(version);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(ExposureGraphResponse.From(graph.Version, graph.Edges, graph.UpdatedAt, graph.UpdatedBy));
    }

    private static async Task<IResult> ReadVersionAsync(int version, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<ExposureGraphVersion>(version, cancellationToken) is { } found
            ? Results.Ok(ExposureGraphResponse.From(found.Id, found.Edges, found.UpdatedAt, found.UpdatedBy))
            : Problems.NotFound($"No version {version} of the exposure graph.");

    private static async Task<IResult> ReachAsync(string fromCityId, string category, IQuerySession session, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Require(WarningCategories.All.Contains(category), "category", $"'category' is one of {string.Join(", ", WarningCategories.All)}.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var graph = await session.LoadAsync<ExposureGraph>(ExposureGraph.CurrentId, cancellationToken) ?? ExposureGraph.Empty;
        return Results.Ok(new ReachResponse(fromCityId, category, graph.Version, [.. graph.Reach(fromCityId, category).Order(StringComparer.Ordinal)]));
    }
}

public sealed record ReachResponse(string From, string Category, int GraphVersion, IReadOnlyList<string> Reached);
