using System.Net.Http.Json;

namespace Platform.Testing;

/// <summary>POSTs that move money carry an <c>Idempotency-Key</c> (architecture.md §5): a fresh one unless a retry names its own.</summary>
public static class IdempotentPosts
{
    public static Task<HttpResponseMessage> PostIdempotentAsync(this HttpClient client, string uri, object? body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }
}
