using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.ApiReference;

/// <summary>
/// The OpenAPI document of each service, fetched from the service itself at the path its cluster names in
/// <c>Metadata:OpenApiPath</c>, through the same destinations (and health state) the proxy uses. A document is kept
/// for half a minute, so the reference follows a deployment without asking the service on every page view; when the
/// service cannot be reached the last copy is served.
/// </summary>
public sealed class ServiceDocuments(IProxyStateLookup proxy, IHttpClientFactory httpClients, TimeProvider clock, ILogger<ServiceDocuments> logger)
{
    public const string OpenApiPathKey = "OpenApiPath";
    public const string HttpClientName = "api-reference";
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DateTimeOffset FetchedAt, JsonObject Document)> cache = new(StringComparer.Ordinal);

    /// <summary>The clusters that publish a document, by cluster id.</summary>
    public IReadOnlyList<string> Services =>
        [.. proxy.GetClusters().Where(c => OpenApiPath(c) is not null).Select(c => c.ClusterId).Order(StringComparer.Ordinal)];

    public async Task<ServiceDocument> GetAsync(string service, CancellationToken cancellationToken)
    {
        if (!proxy.TryGetCluster(service, out var cluster) || OpenApiPath(cluster) is not { } path)
        {
            return ServiceDocument.Unknown;
        }

        var now = clock.GetUtcNow();
        if (cache.TryGetValue(service, out var cached) && now - cached.FetchedAt < Freshness)
        {
            return ServiceDocument.Found(cached.Document);
        }

        var available = cluster.DestinationsState.AvailableDestinations;
        if (available.Count == 0)
        {
            return cached.Document is null ? ServiceDocument.Unavailable : ServiceDocument.Found(cached.Document);
        }

        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            var document = await client.GetFromJsonAsync<JsonObject>(new Uri(new Uri(available[0].Model.Config.Address), path), cancellationToken)
                ?? throw new InvalidOperationException("The service answered an empty document.");
            cache[service] = (now, document);
            return ServiceDocument.Found(document);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or System.Text.Json.JsonException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not fetch the OpenAPI document of {Service}.", service);
            return cached.Document is null ? ServiceDocument.Unavailable : ServiceDocument.Found(cached.Document);
        }
    }

    private static string? OpenApiPath(ClusterState cluster) =>
        cluster.Model.Config.Metadata?.TryGetValue(OpenApiPathKey, out var path) == true && !string.IsNullOrWhiteSpace(path) ? path : null;
}

/// <summary>A service's document as fetched (never modified: callers present a copy).</summary>
public sealed record ServiceDocument(int StatusCode, JsonObject? Document)
{
    public static readonly ServiceDocument Unknown = new(StatusCodes.Status404NotFound, null);
    public static readonly ServiceDocument Unavailable = new(StatusCodes.Status503ServiceUnavailable, null);

    public static ServiceDocument Found(JsonObject document) => new(StatusCodes.Status200OK, document);
}
