using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Gateway.Tests.Support;

/// <summary>Tokens made in the test (for roles and shapes no registered client has) and requests carrying them.</summary>
public static class Bearer
{
    public static string Token(string role, string clientId = "test-client", SigningCredentials? credentials = null,
        string issuer = GatewayFactory.Issuer, DateTime? expires = null, string? cityId = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = GatewayFactory.Audience,
            IssuedAt = (expires ?? DateTime.UtcNow.AddMinutes(5)).AddMinutes(-10),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(5)).AddMinutes(-10),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(5),
            Claims = cityId is null
                ? new Dictionary<string, object> { ["sub"] = clientId, ["client_id"] = clientId, ["role"] = role }
                : new Dictionary<string, object> { ["sub"] = clientId, ["client_id"] = clientId, ["role"] = role, ["city_id"] = cityId },
            SigningCredentials = credentials ?? TestKeys.SigningCredentials,
        });

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
