using System.Net;
using System.Text.Json;

namespace FinanceConsole.Web.Gateway;

/// <summary>What a service answered: the value, or the status and the problem's title and detail to show the person.</summary>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, string? Problem)
{
    public bool Ok => (int)Status is >= 200 and < 300 && Value is not null;
}

public static class ApiResults
{
    public static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            var value = await response.Content.ReadFromJsonAsync<T>(PlatformApi.Json, cancellationToken);
            return new ApiResult<T>(response.StatusCode, value, null);
        }

        return new ApiResult<T>(response.StatusCode, default, await ProblemTextAsync(response, cancellationToken));
    }

    private static async Task<string> ProblemTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var parts = new List<string>();
            if (root.TryGetProperty("title", out var title))
            {
                parts.Add(title.GetString() ?? "");
            }

            if (root.TryGetProperty("detail", out var detail))
            {
                parts.Add(detail.GetString() ?? "");
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(v => v.GetString()))}"));
            }

            return $"{(int)response.StatusCode}: {string.Join(" — ", parts.Where(p => p.Length > 0))}";
        }
        catch (JsonException)
        {
            return $"{(int)response.StatusCode} {response.ReasonPhrase}";
        }
    }
}
