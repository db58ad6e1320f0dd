using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CompensationFund.Tests.Support;

/// <summary>Requests of the ledger's API in the words of the tests.</summary>
public static class Ledger
{
    public static object Line(string account, string side, decimal amount) => new { account, side, amount };

    public static object Transfer(string debit, string credit, decimal amount, string description = "test transfer", DateOnly? valueDate = null, string? reference = null) =>
        new { description, valueDate, reference, lines = new[] { Line(debit, "debit", amount), Line(credit, "credit", amount) } };

    /// <summary>POSTs <paramref name="body"/> with an <c>Idempotency-Key</c> (a fresh one unless given): the fund requires one on every money-moving POST.</summary>
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object body, string? idempotencyKey = null) =>
        client.SendWithKeyAsync(path, JsonContent.Create(body), idempotencyKey ?? Guid.NewGuid().ToString("N"));

    public static Task<HttpResponseMessage> PostWithoutKeyAsync(this HttpClient client, string path, object body) =>
        client.SendWithKeyAsync(path, JsonContent.Create(body), null);

    /// <summary>POSTs raw JSON text as sent, for requests a serializer would never write (too many digits, odd spellings).</summary>
    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string path, string json, string? idempotencyKey = null) =>
        client.SendWithKeyAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), idempotencyKey ?? Guid.NewGuid().ToString("N"));

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string csv, string? idempotencyKey = null) =>
        client.SendWithKeyAsync("/api/fund/bank-statements", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), idempotencyKey ?? Guid.NewGuid().ToString("N"));

    public static async Task<HttpResponseMessage> SendWithKeyAsync(this HttpClient client, string path, HttpContent content, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<decimal> BalanceAsync(this HttpClient client, string account)
    {
        var body = await (await client.GetAsync($"/api/fund/accounts/{account}")).JsonAsync(HttpStatusCode.OK);
        return body.GetProperty("balance").GetDecimal();
    }

    public static async Task<JsonElement> AccountAsync(this HttpClient client, string account) =>
        await (await client.GetAsync($"/api/fund/accounts/{account}")).JsonAsync(HttpStatusCode.OK);
}
