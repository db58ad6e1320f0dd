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

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
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
