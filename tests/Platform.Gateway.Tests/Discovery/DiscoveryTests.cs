using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Discovery;

public sealed class DiscoveryTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient http = gateway.CreateClient();

    [Fact]
    public async Task PublishesTheSigningKeyAsJwksWithoutPrivateParts()
    {
        using var response = await http.GetAsync("/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal(TestKeys.KeyId, key.GetProperty("kid").GetString());
        Assert.Equal(Base64UrlEncoder.Encode(TestKeys.PublicKey.Parameters.Modulus), key.GetProperty("n").GetString());
        Assert.Equal(Base64UrlEncoder.Encode(TestKeys.PublicKey.Parameters.Exponent), key.GetProperty("e").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task PublishesPreviousKeysFromAuthSigningKeysDuringARotation()
    {
        using var previous = RSA.Create(2048);
        using var rotating = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?> { ["Auth:SigningKeys:1"] = previous.ExportSubjectPublicKeyInfoPem() },
        };

        var jwks = await rotating.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        var kids = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Equal([TestKeys.KeyId, Platform.ServiceDefaults.Security.KeyIds.For(previous)], kids);
    }

    [Fact]
    public async Task DescribesIssuerTokenEndpointAndJwksInOpenIdConfiguration()
    {
        var configuration = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(GatewayFactory.Issuer, configuration.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/.well-known/jwks.json", configuration.GetProperty("jwks_uri").GetString());
        Assert.Equal("http://localhost/connect/token", configuration.GetProperty("token_endpoint").GetString());
        Assert.Equal(["client_credentials", "authorization_code", "refresh_token"], configuration.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
    }
}
