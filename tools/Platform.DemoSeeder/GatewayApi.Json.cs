using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.DemoSeeder;

/// <summary>
/// Calls answered as raw JSON, for the story's steps: the seeder reads only a few fields of each answer, and the scenario
/// test reads the same answers to assert what every service shows.
/// </summary>
internal sealed partial class GatewayApi
{
    public Task<JsonElement> GetAsync(string path, string accessToken, CancellationToken cancellationToken) =>
        CallAsync<JsonElement>(HttpMethod.Get, path, accessToken, null, null, $"GET {path}", cancellationToken);

    /// <summary>The answer, or null when the gateway says the thing does not exist (404).</summary>
    public async Task<JsonElement?> FindAsync(string path, string accessToken, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path, accessToken, null, null, cancellationToken);
        if (status == HttpStatusCode.NotFound)
        {
            return null;
        }

        return IsSuccess(status) ? body : throw new GatewayRefusedException($"The gateway refused GET {path}: {(int)status}. {body}");
    }

    public Task<JsonElement> PostAsync(string path, string accessToken, object? body, string? idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync<JsonElement>(HttpMethod.Post, path, accessToken, body, idempotencyKey, $"POST {path}", cancellationToken);

    public Task<JsonElement> PutAsync(string path, string accessToken, object body, CancellationToken cancellationToken) =>
        CallAsync<JsonElement>(HttpMethod.Put, path, accessToken, body, null, $"PUT {path}", cancellationToken);

    /// <summary>A POST whose refusal with <paramref name="expected"/> (409: already done) is an answer a re-run expects, not a failure.</summary>
    /// <returns>The body on success, or null when refused with <paramref name="expected"/>.</returns>
    public async Task<JsonElement?> PostUnlessAsync(
        HttpStatusCode expected, string path, string accessToken, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, path, accessToken, body, idempotencyKey, cancellationToken);
        if (status == expected)
        {
            return null;
        }

        return IsSuccess(status) ? answer : throw new GatewayRefusedException($"The gateway refused POST {path}: {(int)status}. {answer}");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        HttpMethod method, string path, string accessToken, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () =>
            {
                var message = new HttpRequestMessage(method, path)
                {
                    Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json),
                    Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) },
                };
                if (idempotencyKey is not null)
                {
                    message.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
                }

                return message;
            },
            cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
