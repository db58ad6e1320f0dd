using System.Net;
using Platform.ServiceDefaults.Security;
using Xunit;

namespace Platform.EndToEndTests.Security;

public sealed partial class SecuritySuiteTests
{
    /// <summary>Headers a caller might hope a service trusts for identity, each claiming coordinator or another city.</summary>
    private static readonly Dictionary<string, string> SpoofedIdentity = new(StringComparer.Ordinal)
    {
        ["X-Role"] = PlatformRoles.Coordinator,
        ["X-City-Id"] = PlatformCallers.CityB,
        ["X-Client-Id"] = "coordinator",
        ["X-Evaluator-Id"] = "tsinghua-cpp",
        ["X-User-Id"] = "coordinator",
        ["X-User-Roles"] = PlatformRoles.Coordinator,
        ["X-Internal-Caller"] = "gateway",
        ["X-Original-URL"] = "/api/cost-sharing/admin/dead-letters",
        ["X-Forwarded-User"] = "coordinator",
        ["X-Forwarded-For"] = "127.0.0.1",
        ["Forwarded"] = "for=127.0.0.1;by=gateway",
        ["X-Real-IP"] = "127.0.0.1",
    };

    /// <summary>
    /// Spoofed identity headers change no answer: reads answer a city as they do without them, what a city may not do
    /// stays 403, and without a token everything stays 401. Writes are only sent where they are refused.
    /// </summary>
    [Fact]
    public async Task SpoofedIdentityHeadersHaveNoEffectAndNothingChanges()
    {
        var table = await RouteTable.LoadAsync(callers.Gateway);
        var before = await PlatformState.SettledSnapshotAsync(callers, table);

        var failures = new List<string>();
        foreach (var operation in table.Operations)
        {
            var cityMay = operation.Anonymous || operation.Roles?.Contains(PlatformRoles.City) == true;
            using var anonymous = await callers.SendAsync(WithSpoofedIdentity(operation.Request()), bearer: null);
            if (anonymous.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{operation} without token, spoofed headers: {(int)anonymous.StatusCode}");
            }

            if (!cityMay)
            {
                using var refused = await callers.SendAsRoleAsync(WithSpoofedIdentity(operation.Request()), PlatformRoles.City);
                if (refused.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{operation} as city, spoofed headers: {(int)refused.StatusCode}, expected 403");
                }
            }
            else if (operation.IsSafe)
            {
                var values = operation.ParameterFormats.Keys.ToDictionary(k => k, k => k == "cityId" ? PlatformCallers.CityA : "security-probe", StringComparer.Ordinal);
                using var plain = await callers.SendAsRoleAsync(operation.Request(values), PlatformRoles.City);
                using var spoofed = await callers.SendAsRoleAsync(WithSpoofedIdentity(operation.Request(values)), PlatformRoles.City);
                if (plain.StatusCode != spoofed.StatusCode)
                {
                    failures.Add($"{operation} as city: {(int)plain.StatusCode} plain, {(int)spoofed.StatusCode} with spoofed headers");
                }
            }
        }

        AssertNoFailures(failures, "calls where spoofed headers made a difference");
        Assert.Equal(before, await PlatformState.SnapshotAsync(callers, table));
    }

    private static HttpRequestMessage WithSpoofedIdentity(HttpRequestMessage request)
    {
        foreach (var (name, value) in SpoofedIdentity)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
