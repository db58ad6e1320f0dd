using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests.Security;

public sealed partial class SecuritySuiteTests
{
    private static readonly HashSet<string> ProblemFields =
        new(["type", "title", "status", "detail", "instance", "traceId", "correlationId"], StringComparer.Ordinal);

    [Fact]
    public async Task CityNeverReadsAnotherCitysRecords()
    {
        var table = await RouteTable.LoadAsync(callers.Gateway);
        var byCity = table.Operations.Where(o => o.Method == "GET" && o.ParameterFormats.ContainsKey("cityId")).ToList();
        var unclassified = byCity.Where(o => !CityRecords.Private.Contains(o.PathTemplate) && !CityRecords.Published.Contains(o.PathTemplate)).ToList();
        Assert.True(unclassified.Count == 0, "Classify in CityRecords (private or published):\n" + string.Join('\n', unclassified));
        await EnsureMembersAsync(PlatformCallers.CityA, PlatformCallers.CityB);

        var failures = new List<string>();
        foreach (var operation in byCity.Where(o => o.Roles?.Contains(PlatformRoles.City) == true))
        {
            var own = City(operation, PlatformCallers.CityA);
            var other = City(operation, PlatformCallers.CityB);
            await Eventually.Until(
                async () => (await AsCoordinatorAsync(operation, PlatformCallers.CityB)) == HttpStatusCode.OK,
                because: $"{operation} to know {PlatformCallers.CityB}");

            using var ownResponse = await callers.SendAsRoleAsync(operation.Request(own), PlatformRoles.City);
            using var otherResponse = await callers.SendAsRoleAsync(WithSpoofedIdentity(operation.Request(other)), PlatformRoles.City);
            if (ownResponse.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{operation} for its own city: {(int)ownResponse.StatusCode}");
            }

            if (CityRecords.Private.Contains(operation.PathTemplate))
            {
                using var unknown = await callers.SendAsRoleAsync(operation.Request(City(operation, "no-such-city")), PlatformRoles.City);
                if (otherResponse.StatusCode != HttpStatusCode.NotFound || !await IsBareProblemAsync(otherResponse))
                {
                    failures.Add($"{operation} for another city: {(int)otherResponse.StatusCode} {await otherResponse.Content.ReadAsStringAsync()}");
                }

                if (unknown.StatusCode != otherResponse.StatusCode)
                {
                    failures.Add($"{operation}: another city ({(int)otherResponse.StatusCode}) is told apart from an unknown one ({(int)unknown.StatusCode})");
                }
            }
            else if (otherResponse.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{operation} (published) for another city: {(int)otherResponse.StatusCode}");
            }
        }

        AssertNoFailures(failures, "object-level access failures");
    }

    private static Dictionary<string, string> City(Operation operation, string cityId) =>
        operation.ParameterFormats.Keys.ToDictionary(k => k, k => k == "cityId" ? cityId : "security-probe", StringComparer.Ordinal);

    private async Task<HttpStatusCode> AsCoordinatorAsync(Operation operation, string cityId)
    {
        using var response = await callers.SendAsRoleAsync(operation.Request(City(operation, cityId)), PlatformRoles.Coordinator);
        return response.StatusCode;
    }

    /// <summary>A 404 must be a problem document and nothing else: no field of the record leaks beside it.</summary>
    private static async Task<bool> IsBareProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.EnumerateObject().All(p => ProblemFields.Contains(p.Name));
    }

    private async Task EnsureMembersAsync(params string[] cityIds)
    {
        foreach (var id in cityIds)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/cost-sharing/members")
            {
                Content = JsonContent.Create(new
                {
                    cityId = id, name = id, province = "浙江省", population = 1_000_000, gdpCny = 1m,
                    contact = new { name = "Duty officer", email = $"duty@{id}.gov.cn" },
                }),
            };
            using var response = await callers.SendAsRoleAsync(request, PlatformRoles.Coordinator);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"registering {id}: {response.StatusCode}");
        }
    }
}
