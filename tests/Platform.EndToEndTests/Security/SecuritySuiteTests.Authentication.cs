using System.Net;
using Xunit;

namespace Platform.EndToEndTests.Security;

public sealed partial class SecuritySuiteTests
{
    [Fact]
    public async Task EveryOperationRefusesEveryForgedTokenAndNothingChanges()
    {
        var table = await RouteTable.LoadAsync(callers.Gateway);
        var before = await PlatformState.SettledSnapshotAsync(callers, table);

        var failures = new List<string>();
        foreach (var operation in table.Operations)
        {
            foreach (var (forgery, token) in ForgedTokens.All)
            {
                using var response = await callers.SendAsync(operation.Request(), token);
                if (response.StatusCode != HttpStatusCode.Unauthorized || !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
                {
                    failures.Add($"{operation} with {forgery}: {(int)response.StatusCode}");
                }
            }
        }

        AssertNoFailures(failures, "forged-token calls not refused with 401");
        Assert.Equal(before, await PlatformState.SnapshotAsync(callers, table));
    }
}
