using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Tokens;

/// <summary>
/// The demo clients of <c>appsettings.Development.json</c> accept the secrets <c>gateway/README.md</c> documents,
/// and their tokens carry the role and ids the README's table promises.
/// </summary>
public sealed class DemoClientsTests : IDisposable
{
    private readonly GatewayFactory gateway = new() { EnvironmentName = "Development", RegisterTestClients = false };

    [Theory]
    [InlineData("coordinator", "coordinator-secret", "coordinator", null, null)]
    [InlineData("finance", "finance-secret", "finance", null, null)]
    [InlineData("auditor", "auditor-secret", "auditor", null, null)]
    [InlineData("evaluator-tsinghua", "evaluator-secret", "evaluator", null, "tsinghua-cpp")]
    [InlineData("city-hangzhou", "city-hangzhou-secret", "city", "hangzhou", null)]
    [InlineData("city-huzhou", "city-huzhou-secret", "city", "huzhou", null)]
    [InlineData("city-jiaxing", "city-jiaxing-secret", "city", "jiaxing", null)]
    [InlineData("city-huangshan", "city-huangshan-secret", "city", "huangshan", null)]
    [InlineData("city-xuancheng", "city-xuancheng-secret", "city", "xuancheng", null)]
    public async Task IssuesTokensForTheDocumentedDemoClients(string clientId, string secret, string role, string? cityId, string? evaluatorId)
    {
        var token = new JsonWebToken(await TokenRequests.AccessTokenAsync(gateway.CreateClient(), new TestClient(clientId, secret, role)));

        Assert.Equal(clientId, token.Subject);
        Assert.Equal(role, token.GetClaim("role").Value);
        Assert.Equal(cityId, token.TryGetClaim("city_id", out var city) ? city.Value : null);
        Assert.Equal(evaluatorId, token.TryGetClaim("evaluator_id", out var evaluator) ? evaluator.Value : null);
    }

    public void Dispose() => gateway.Dispose();
}
