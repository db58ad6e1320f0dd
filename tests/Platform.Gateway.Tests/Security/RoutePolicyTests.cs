using System.Net;
using Platform.Gateway.Tests.Proxy;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Security;

/// <summary>
/// The per-route policies of the gateway's configuration: reads and the stateless calculators for every role, writes
/// for every role but the auditor, the services' operator endpoints for the coordinating body only. The echo behind answers 200 to anything
/// that gets through, so a 403 here is the gateway's own.
/// </summary>
public sealed class RoutePolicyTests(EchoGateway fixture) : IClassFixture<EchoGateway>
{
    private readonly HttpClient http = fixture.Gateway.CreateClient();

    [Theory]
    [InlineData("POST", "/api/cost-sharing/members")]
    [InlineData("PUT", "/api/cost-sharing/members/hangzhou")]
    [InlineData("PATCH", "/api/fund/journal/1")]
    [InlineData("DELETE", "/api/evaluation/rounds/2025")]
    public async Task RefusesEveryWriteOfTheAuditor(string method, string path)
    {
        using var auditor = await SendAsync(method, path, "auditor");
        using var finance = await SendAsync(method, path, "finance");

        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, finance.StatusCode);
    }

    [Theory]
    [InlineData("/api/cost-sharing/allocations/calculate")]
    [InlineData("/api/trust/calculator")]
    [InlineData("/api/evaluation/calculators/ahp")]
    [InlineData("/api/evaluation/calculators/topsis")]
    public async Task LetsEveryRoleUseTheCalculators(string path)
    {
        foreach (var role in new[] { "city", "coordinator", "evaluator", "finance", "auditor" })
        {
            using var response = await SendAsync("POST", path, role);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task KeepsTheAuditorOffWritesBesideTheCalculators()
    {
        using var response = await SendAsync("POST", "/api/evaluation/rounds", "auditor");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task LetsTheAuditorRead(string method)
    {
        using var response = await SendAsync(method, "/api/fund/members", "auditor");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/cost-sharing/admin/dead-letters")]
    [InlineData("POST", "/api/fund/admin/dead-letters/0b0c1d2e-0000-0000-0000-000000000001/replay")]
    [InlineData("GET", "/api/trust/admin/dead-letters")]
    [InlineData("GET", "/api/evaluation/admin/dead-letters")]
    public async Task KeepsOperatorEndpointsToTheCoordinator(string method, string path)
    {
        foreach (var role in new[] { "city", "evaluator", "finance", "auditor" })
        {
            using var refused = await SendAsync(method, path, role);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{role}: {refused.StatusCode}");
        }

        using var coordinator = await SendAsync(method, path, "coordinator");
        Assert.Equal(HttpStatusCode.OK, coordinator.StatusCode);
    }

    [Fact]
    public async Task RoutesNoOtherMethods()
    {
        using var response = await SendAsync("TRACE", "/api/trust/scores", "coordinator");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(string method, string path, string role)
    {
        var content = method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null;
        return http.SendAsync(Bearer.Request(new HttpMethod(method), path, Bearer.Token(role, cityId: role == "city" ? "hangzhou" : null), content));
    }
}
