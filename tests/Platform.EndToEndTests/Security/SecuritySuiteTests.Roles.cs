using System.Net;
using Platform.ServiceDefaults.Security;
using Xunit;

namespace Platform.EndToEndTests.Security;

public sealed partial class SecuritySuiteTests
{
    /// <summary>
    /// The access matrix is each operation's <c>x-platform-roles</c>, derived by the service from its own policies.
    /// Roles outside it get 403 (from the gateway's route policy or the service's, whichever refuses first); roles in
    /// it are not refused on reads. Writes are only ever sent as refusals, so the suite itself changes nothing.
    /// </summary>
    [Fact]
    public async Task EveryOperationRefusesEveryRoleWithoutTheRightAndNothingChanges()
    {
        var table = await RouteTable.LoadAsync(callers.Gateway);
        var before = await PlatformState.SettledSnapshotAsync(callers, table);

        var failures = new List<string>();
        var refusals = 0;
        foreach (var operation in table.Operations.Where(o => !o.Anonymous && o.Roles is not null))
        {
            foreach (var role in PlatformRoles.All)
            {
                var allowed = operation.Roles!.Contains(role);
                if (allowed && !operation.IsSafe)
                {
                    continue;
                }

                using var response = await callers.SendAsRoleAsync(operation.Request(), role);
                if (!allowed && response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{operation} as {role} (not allowed): {(int)response.StatusCode}, expected 403");
                }
                else if (allowed && PlatformState.IsRefusal(response.StatusCode))
                {
                    failures.Add($"{operation} as {role} (allowed): refused with {(int)response.StatusCode}");
                }

                refusals += allowed ? 0 : 1;
            }
        }

        AssertNoFailures(failures, "calls answered against the access matrix");
        Assert.True(refusals > 0, "the matrix refuses nobody anything: are the roles documented?");
        Assert.Equal(before, await PlatformState.SnapshotAsync(callers, table));
    }
}
