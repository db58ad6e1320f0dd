using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polly;

namespace Platform.DemoSeeder;

/// <summary>The few calls of the gateway's public API the seeder makes; every call goes through the retry pipeline.</summary>
internal sealed partial class GatewayApi(HttpClient http, ResiliencePipeline<HttpResponseMessage> retry)
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Web defaults with nulls left out: an optional field the demo data leaves out is absent on the wire too.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>OAuth 2.0 client credentials grant (RFC 6749 §4.4) at the gateway's token endpoint.</summary>
    public async Task<string> GetAccessTokenAsync(DemoClient client, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "connect/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = client.ClientId,
                    ["client_secret"] = client.ClientSecret,
                }),
            },
            cancellationToken);
        await EnsureSuccessAsync(response, $"token request for client '{client.ClientId}'", cancellationToken);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return token?.AccessToken is { Length: > 0 } accessToken
            ? accessToken
            : throw new GatewayRefusedException("The token endpoint answered without an access_token.");
    }

    /// <returns>False when the city was registered already (409 Conflict), which a re-run expects.</returns>
    public async Task<bool> RegisterMemberAsync(DemoMember member, string accessToken, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/cost-sharing/members")
            {
                Content = JsonContent.Create(member, options: JsonSerializerOptions.Web),
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) },
            },
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"registering member '{member.CityId}'", cancellationToken);
        return true;
    }

    /// <summary>
    /// One call as <paramref name="accessToken"/>'s client, answered with its JSON body. The retry pipeline may send
    /// it again (after a timeout, say): where the API honours an <paramref name="idempotencyKey"/> the repeat is
    /// answered with the first response instead of acting twice.
    /// </summary>
    private async Task<T> CallAsync<T>(
        HttpMethod method, string path, string accessToken, object? body, string? idempotencyKey, string what, CancellationToken cancellationToken)
    {
        var (status, answer) = await SendAsync(method, path, accessToken, body, idempotencyKey, cancellationToken);
        if (!IsSuccess(status))
        {
            throw new GatewayRefusedException($"The gateway refused the {what}: {(int)status}. {answer}");
        }

        return answer.ValueKind != JsonValueKind.Undefined && answer.Deserialize<T>(Json) is { } result
            ? result
            : throw new GatewayRefusedException($"The gateway answered the {what} without a body.");
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken) =>
        await retry.ExecuteAsync(
            async token =>
            {
                using var message = request();
                return await http.SendAsync(message, token);
            },
            cancellationToken);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new GatewayRefusedException($"The gateway refused the {what}: {(int)response.StatusCode} {response.ReasonPhrase}. {body}");
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);
}

internal sealed class GatewayRefusedException(string message) : Exception(message);
