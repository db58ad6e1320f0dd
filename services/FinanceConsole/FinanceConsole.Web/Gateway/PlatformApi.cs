using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FinanceConsole.Web.Gateway;

/// <summary>
/// The services' public APIs through the gateway, as the signed-in person (<see cref="AccessTokenHandler"/>): the fund
/// under <c>/api/fund</c>, cost-sharing under <c>/api/cost-sharing</c> (architecture.md §5). Money-moving calls take the
/// <c>Idempotency-Key</c> the confirmation form carried, so a resubmitted confirmation replays instead of paying twice.
/// </summary>
public sealed class PlatformApi(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/')), cancellationToken);

    public async Task<ApiResult<T>> PostAsync<T>(string path, object? body, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = JsonContent.Create(body ?? new { }, options: Json),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SendAsync<T>(request, cancellationToken);
    }

    public async Task<ApiResult<T>> PostCsvAsync<T>(string path, byte[] csv, string? charset, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = charset };
        var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = content };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SendAsync<T>(request, cancellationToken);
    }

    /// <summary>A text download (a statement as CSV) passed through as the service wrote it.</summary>
    public async Task<(int Status, string ContentType, byte[] Body)> DownloadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(path.TrimStart('/'), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "text/plain", body);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return await ApiResults.ReadAsync<T>(response, cancellationToken);
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value!));
        }

        return query.ToString();
    }
}

public static class PlatformApiRegistration
{
    public static IServiceCollection AddPlatformApis(this IServiceCollection services, ConsoleSettings settings)
    {
        services.AddTransient<AccessTokenHandler>();
        services.AddHttpClient<PlatformApi>(c =>
            {
                c.BaseAddress = settings.Gateway;
                c.Timeout = TimeSpan.FromSeconds(60);
            })
            .AddHttpMessageHandler<AccessTokenHandler>();
        return services;
    }
}
