using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

public sealed class RouteConfigurationTests
{
    [Fact]
    public void RefusesToStartWithARouteThatNamesNoAuthorizationPolicy()
    {
        using var gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?> { ["ReverseProxy:Routes:evaluation-reads:AuthorizationPolicy"] = "" },
        };

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());
        Assert.Contains("Route 'evaluation-reads' names no AuthorizationPolicy", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
