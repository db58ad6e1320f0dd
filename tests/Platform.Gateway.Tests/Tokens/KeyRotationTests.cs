using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Tests.Support;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tests.Tokens;

/// <summary>
/// A rotation in progress: the gateway signs with the new key (<c>TokenIssuer:SigningKeyPem</c>) while the previous
/// public key stays in <c>Auth:SigningKeys</c>, so tokens issued before the switch keep working until they expire, and
/// both keys are in the JWKS. A key taken out of configuration stops validating at once.
/// </summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private readonly RSA next = RSA.Create(2048);
    private StubServer service = null!;
    private GatewayFactory Gateway { get; set; } = null!;

    public async Task InitializeAsync()
    {
        service = await StubServer.StartAsync(c => c.Response.WriteAsync("ok"));
        Gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?>(GatewayFactory.AllClustersAt(service.Address))
            {
                ["TokenIssuer:SigningKeyPem"] = next.ExportPkcs8PrivateKeyPem(),
                ["Auth:SigningKeys:0"] = TestKeys.PublicKeyPem,
            },
        };
    }

    [Fact]
    public async Task SignsWithTheNewKeyAndPublishesBoth()
    {
        var http = Gateway.CreateClient();

        var token = new JsonWebToken(await TokenRequests.AccessTokenAsync(http, TestClients.City));
        var jwks = await http.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        Assert.Equal(KeyIds.For(next), token.Kid);
        var kids = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Equal([KeyIds.For(next), TestKeys.KeyId], kids);
    }

    [Fact]
    public async Task AcceptsTokensOfTheNewAndThePreviousKey()
    {
        var http = Gateway.CreateClient();
        var issuedNow = await TokenRequests.AccessTokenAsync(http, TestClients.City);
        var issuedBefore = Bearer.Token("city", cityId: "hangzhou");

        using var withNew = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", issuedNow));
        using var withPrevious = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", issuedBefore));

        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withPrevious.StatusCode);
    }

    [Fact]
    public async Task RefusesTokensOfARetiredKey()
    {
        using var retired = RSA.Create(2048);
        var credentials = new SigningCredentials(new RsaSecurityKey(retired) { KeyId = KeyIds.For(retired) }, SecurityAlgorithms.RsaSha256)
        {
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };

        using var response = await Gateway.CreateClient().SendAsync(
            Bearer.Request(HttpMethod.Get, "/api/trust/scores", Bearer.Token("coordinator", credentials: credentials)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, service.Calls("GET", "/api/trust/scores"));
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await service.DisposeAsync();
        next.Dispose();
    }
}
