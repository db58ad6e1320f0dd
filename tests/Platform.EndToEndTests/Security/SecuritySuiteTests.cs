using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Security;

/// <summary>
/// The security suite, end to end through the real gateway and services and generated from the route
/// table: every operation the services document, reached through the gateway's routes, is attacked with forged tokens,
/// with every role that lacks the right, with another city's ids and with spoofed identity headers. Each facet is a
/// partial file; each collects every failure before asserting, so one run names all offending operations.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class SecuritySuiteTests(PlatformFixture platform, ITestOutputHelper output)
{
    private readonly PlatformCallers callers = new(platform);

    [Fact]
    public async Task EveryOperationIsForwardedByAGatewayRouteAndStatesWhoMayCallIt()
    {
        var table = await RouteTable.LoadAsync(callers.Gateway);

        Assert.Equal(["communication", "compensation-fund", "cost-sharing", "evaluation", "trust-score"], table.Operations.Select(o => o.Service).Distinct().Order());
        Assert.True(table.Operations.Count >= 10, $"only {table.Operations.Count} operations documented");
        var unrouted = table.Operations.Where(o => table.RouteOf(o) is null).Select(o => o.ToString()).ToList();
        Assert.True(unrouted.Count == 0, "Operations no gateway route forwards:\n" + string.Join('\n', unrouted));
        var undeclared = table.Operations.Where(o => !o.Anonymous && o.Roles is null).Select(o => o.ToString()).ToList();
        Assert.True(undeclared.Count == 0, "Protected operations whose roles cannot be read from their policy:\n" + string.Join('\n', undeclared));
        Assert.All(table.GatewayRoutes, r => Assert.NotEqual("anonymous", r.Policy, StringComparer.OrdinalIgnoreCase));
        foreach (var operation in table.Operations)
        {
            var roles = operation.Anonymous ? "(anonymous at the service)" : string.Join(", ", operation.Roles!);
            output.WriteLine($"{operation,-60} route {table.RouteOf(operation)!.Id,-26} {roles}");
        }
    }

    private static void AssertNoFailures(List<string> failures, string what) =>
        Assert.True(failures.Count == 0, $"{failures.Count} {what}:\n{string.Join('\n', failures)}");
}
