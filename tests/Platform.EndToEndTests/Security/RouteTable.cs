using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests.Security;

/// <summary>
/// What the security suite attacks, read at test time so a new route or operation is covered without new test code:
/// the gateway's routes from its configuration (<c>gateway/Platform.Gateway/appsettings.json</c>) and every operation
/// of every service from the OpenAPI documents the gateway's API reference serves, with the roles each operation
/// admits as the service's own authorization metadata states them (<c>x-platform-roles</c>).
/// </summary>
public sealed record RouteTable(IReadOnlyList<GatewayRoute> GatewayRoutes, IReadOnlyList<Operation> Operations)
{
    public static async Task<RouteTable> LoadAsync(HttpClient gateway)
    {
        var routes = ReadGatewayRoutes();
        var services = await gateway.GetFromJsonAsync<JsonElement>("/openapi");
        var operations = new List<Operation>();
        foreach (var service in services.EnumerateArray())
        {
            var name = service.GetProperty("name").GetString()!;
            var document = await gateway.GetFromJsonAsync<JsonElement>($"/openapi/{name}.json");
            operations.AddRange(Operation.AllIn(name, document));
        }

        return new RouteTable(routes, operations);
    }

    /// <summary>The most specific gateway route that forwards this operation, or null when none does.</summary>
    public GatewayRoute? RouteOf(Operation operation) =>
        GatewayRoutes.Where(r => r.Forwards(operation.Method, operation.PathTemplate)).MaxBy(r => r.Prefix.Length);

    private static List<GatewayRoute> ReadGatewayRoutes()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "gateway", "Platform.Gateway", "appsettings.json")));
        return settings.RootElement.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject()
            .Select(r => new GatewayRoute(
                r.Name,
                r.Value.GetProperty("ClusterId").GetString()!,
                r.Value.GetProperty("AuthorizationPolicy").GetString()!,
                r.Value.GetProperty("Match").GetProperty("Path").GetString()!,
                r.Value.GetProperty("Match").TryGetProperty("Methods", out var methods)
                    ? [.. methods.EnumerateArray().Select(m => m.GetString()!)]
                    : null))
            .ToList();
    }
}

/// <summary>
/// A route of the gateway's configuration; its path is a literal prefix followed by a catch-all, or one literal path
/// (a calculator).
/// </summary>
public sealed record GatewayRoute(string Id, string Cluster, string Policy, string Pattern, IReadOnlyList<string>? Methods)
{
    public bool IsExact => !Pattern.Contains('{', StringComparison.Ordinal);

    public string Prefix => IsExact ? Pattern : Pattern[..Pattern.IndexOf('{', StringComparison.Ordinal)];

    public bool Forwards(string method, string path) =>
        (IsExact ? path == Pattern : path.StartsWith(Prefix, StringComparison.Ordinal))
        && (Methods is null || Methods.Contains(method, StringComparer.OrdinalIgnoreCase));
}
