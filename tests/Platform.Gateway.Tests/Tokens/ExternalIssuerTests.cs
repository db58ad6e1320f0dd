using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Tests.Support;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tests.Tokens;

/// <summary>
/// The cluster setting: an external OpenID Connect provider (here a stand-in serving discovery and JWKS, as Keycloak
/// does) issues the tokens, <c>TokenIssuer:Enabled=false</c> turns the built-in issuer off and <c>Auth:Authority</c>
/// points validation at the provider.
/// </summary>
public sealed class ExternalIssuerTests : IAsyncLifetime
{
    private readonly RSA providerKey = RSA.Create(2048);
    private WebApplication provider = null!;
    private StubServer service = null!;
    private GatewayFactory Gateway { get; set; } = null!;

    private string Authority => provider.Urls.Single() + "/realms/platform";

    public async Task InitializeAsync()
    {
        provider = await StartProviderAsync();
        service = await StubServer.StartAsync(c => c.Request.Path.StartsWithSegments("/api/trust/openapi")
            ? c.Response.WriteAsJsonAsync(new { openapi = "3.1.1", info = new { title = "trust", version = "v1" }, paths = new { } })
            : c.Response.WriteAsync("ok"));
        Gateway = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?>(GatewayFactory.AllClustersAt(service.Address))
            {
                ["TokenIssuer:Enabled"] = "false",
                ["TokenIssuer:SigningKeyPem"] = null,
                ["Auth:SigningKeys:0"] = null,
                ["Auth:Authority"] = Authority,
                ["Auth:Issuer"] = Authority,
                ["Auth:RequireHttpsMetadata"] = "false",
            },
        };
    }

    [Fact]
    public async Task AcceptsTokensOfTheProviderAndNoOthers()
    {
        var http = Gateway.CreateClient();

        using var fromProvider = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", ProviderToken()));
        using var selfMade = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", Bearer.Token("coordinator", issuer: Authority)));

        Assert.Equal(HttpStatusCode.OK, fromProvider.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, selfMade.StatusCode);
    }

    [Fact]
    public async Task IssuesNoTokensItself()
    {
        using var response = await TokenRequests.PostWithBasicAsync(Gateway.CreateClient(), TestClients.City.ClientId, TestClients.City.Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PointsTheApiReferenceAtTheProvidersTokenEndpoint()
    {
        var document = await Gateway.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/trust-score.json");

        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2")
            .GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal(Authority + "/protocol/openid-connect/token", flow.GetProperty("tokenUrl").GetString());
    }

    [Fact]
    public void RefusesToStartWithTheIssuerOffAndNothingToValidateWith()
    {
        using var blind = new GatewayFactory
        {
            Overrides = new Dictionary<string, string?>
            {
                ["TokenIssuer:Enabled"] = "false",
                ["TokenIssuer:SigningKeyPem"] = null,
                ["Auth:SigningKeys:0"] = null,
            },
        };

        var error = Assert.ThrowsAny<Exception>(() => blind.CreateClient());
        Assert.Contains("Auth:Authority", error.ToString(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await service.DisposeAsync();
        await provider.DisposeAsync();
        providerKey.Dispose();
    }

    private string ProviderToken()
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(providerKey) { KeyId = "provider-key" }, SecurityAlgorithms.RsaSha256)
        {
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        return Bearer.Token(PlatformRoles.Coordinator, credentials: credentials, issuer: Authority);
    }

    private async Task<WebApplication> StartProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/realms/platform/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = Authority + "/protocol/openid-connect/certs",
            ["token_endpoint"] = Authority + "/protocol/openid-connect/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/realms/platform/protocol/openid-connect/certs", () =>
        {
            var p = providerKey.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = "provider-key", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) },
                },
            });
        });
        await app.StartAsync();
        return app;
    }
}
