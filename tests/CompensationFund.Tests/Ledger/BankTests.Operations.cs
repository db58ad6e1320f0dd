using System.Net;
using System.Text.Json;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>The bank test's operations: each records what the client saw, and which answers would be a violation.</summary>
public sealed partial class BankTests
{
    private static (string From, string To, decimal Amount) Move(Random random, IReadOnlyList<string> universe)
    {
        var from = universe[random.Next(universe.Count)];
        var to = universe.Where(a => a != from).ElementAt(random.Next(universe.Count - 1));
        return (from, to, random.Next(1, 300_000) / 100m);
    }

    private static async Task TransferAsync(HttpClient finance, Random random, IReadOnlyList<string> universe, BankHistory history, string key)
    {
        var (from, to, amount) = Move(random, universe);
        var body = Transfer(from, to, amount);
        var retried = random.Next(4) == 0;
        var responses = retried
            ? await Task.WhenAll(finance.PostAsync("/api/fund/entries", body, key), finance.PostAsync("/api/fund/entries", body, key))
            : [await finance.PostAsync("/api/fund/entries", body, key)];
        var outcomes = new List<BankOutcome>();
        foreach (var response in responses)
        {
            var outcome = await OutcomeAsync(response, key, "transfer", j => [j.GetProperty("entryId").GetGuid()]);
            history.Record(outcome, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity);
            outcomes.Add(outcome);
        }

        var accepted = outcomes.Where(o => o.Status == HttpStatusCode.Created).Select(o => o.EntryIds[0]).Distinct().ToList();
        if (accepted.Count > 1)
        {
            history.Violations.Enqueue($"key {key} answered with two different entries: {string.Join(", ", accepted)}");
        }

        accepted.ForEach(history.Reversible.Enqueue);
    }

    private static async Task BatchAsync(HttpClient finance, Random random, IReadOnlyList<string> universe, BankHistory history, string key)
    {
        var entries = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Move(random, universe)).Select(m => Transfer(m.From, m.To, m.Amount)).ToArray();
        var response = await finance.PostAsync("/api/fund/entries/batch", new { entries }, key);
        var outcome = await OutcomeAsync(response, key, "batch", j => [.. j.GetProperty("entryIds").EnumerateArray().Select(e => e.GetGuid())]);
        history.Record(outcome, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity);
        foreach (var id in outcome.EntryIds)
        {
            history.Reversible.Enqueue(id);
        }
    }

    private static async Task ReverseAsync(HttpClient finance, Random random, BankHistory history, string key)
    {
        var candidates = history.Reversible.ToArray();
        if (candidates.Length == 0)
        {
            return;
        }

        var target = candidates[random.Next(candidates.Length)];
        var response = await finance.PostAsync($"/api/fund/entries/{target}/reversal", new { reason = "bank test" }, key);
        history.Record(
            await OutcomeAsync(response, key, "reversal", j => [j.GetProperty("entryId").GetGuid()]),
            HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
    }

    private static async Task ReserveAsync(HttpClient finance, Random random, IReadOnlyList<string> universe, BankHistory history, string key)
    {
        var (from, to, amount) = Move(random, universe);
        var expiresAt = random.Next(3) == 0 ? DateTimeOffset.UtcNow.AddMilliseconds(random.Next(1_000, 3_000)) : DateTimeOffset.UtcNow.AddHours(1);
        var body = new { description = "bank hold", expiresAt, lines = new[] { Line(from, "debit", amount), Line(to, "credit", amount) } };
        var outcome = await OutcomeAsync(await finance.PostAsync("/api/fund/reservations", body, key), key, "reserve", j => [j.GetProperty("entryId").GetGuid()]);
        history.Record(outcome, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity);
        if (outcome.Status == HttpStatusCode.Created)
        {
            history.Reservations.Enqueue(new HeldReservation(outcome.EntryIds[0], amount));
        }
    }

    /// <summary>A manual reservation of one fen that expires in a second and is never posted or voided: the sweeper must release it.</summary>
    private static async Task<Guid> ReserveUndecidedAsync(HttpClient finance, string from, string to)
    {
        var body = new { description = "left to lapse", expiresAt = DateTimeOffset.UtcNow.AddSeconds(1), lines = new[] { Line(from, "debit", 0.01m), Line(to, "credit", 0.01m) } };
        var created = await (await finance.PostAsync("/api/fund/reservations", body, $"lapse-{Guid.NewGuid():N}")).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("entryId").GetGuid();
    }

    private static async Task DecideAsync(HttpClient finance, Random random, BankHistory history, string key, bool post)
    {
        var candidates = history.Reservations.ToArray();
        if (candidates.Length == 0)
        {
            return;
        }

        var target = candidates[random.Next(candidates.Length)];
        object body = post
            ? new { amount = random.Next(2) == 0 ? (decimal?)null : Math.Max(0.01m, Math.Round(target.Amount * random.Next(1, 100) / 100m, 2)) }
            : new { reason = "bank test" };
        var response = await finance.PostAsync($"/api/fund/reservations/{target.EntryId}/{(post ? "post" : "void")}", body, key);
        var outcome = await OutcomeAsync(response, key, post ? "post" : "void", _ => [target.EntryId]);
        history.Record(outcome, HttpStatusCode.OK, HttpStatusCode.Conflict);
        if (post && outcome.Status == HttpStatusCode.OK)
        {
            history.Reversible.Enqueue(target.EntryId);
        }
    }

    private static async Task<BankOutcome> OutcomeAsync(HttpResponseMessage response, string key, string operation, Func<JsonElement, Guid[]> ids)
    {
        var text = await response.Content.ReadAsStringAsync();
        var success = response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK;
        return new BankOutcome(key, operation, response.StatusCode, success ? ids(JsonDocument.Parse(text).RootElement) : [], text);
    }
}
