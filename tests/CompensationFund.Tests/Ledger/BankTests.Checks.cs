using System.Net;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Tests.Support;
using Marten;

namespace CompensationFund.Tests.Ledger;

/// <summary>The bank test's checker: what must hold of every snapshot and of the history once the submitters stop.</summary>
public sealed partial class BankTests
{
    /// <summary>A reader's snapshot: one query of every balance, so the invariants must hold in it exactly.</summary>
    private static async Task ReadAsync(HttpClient finance, IReadOnlyList<string> universe, BankHistory history)
    {
        var page = await (await finance.GetAsync("/api/fund/accounts?pageSize=200")).JsonAsync(HttpStatusCode.OK);
        var accounts = page.GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        var total = universe.Sum(a => accounts[a].GetProperty("balance").GetDecimal());
        if (total != Total)
        {
            history.Violations.Enqueue($"a reader saw {total} in the accounts, not {Total}");
        }

        foreach (var a in universe.Select(id => accounts[id]))
        {
            var available = a.GetProperty("available").GetDecimal();
            var highest = a.GetProperty("balance").GetDecimal() + a.GetProperty("pendingCredits").GetDecimal();
            if (available < 0 || (a.GetProperty("ceiling").ValueKind == System.Text.Json.JsonValueKind.Number && highest > a.GetProperty("ceiling").GetDecimal()))
            {
                history.Violations.Enqueue($"a reader saw {a.GetProperty("id")} past its limits: {a}");
            }
        }
    }

    private async Task CheckConservationAndLimitsAsync(IReadOnlyList<string> universe)
    {
        var live = await fund.Get<BalanceReader>().LiveAsync(null, CancellationToken.None);

        Assert.Equal(live.Values.Sum(b => b.Balance.DebitsPosted), live.Values.Sum(b => b.Balance.CreditsPosted));
        Assert.Equal(live.Values.Sum(b => b.Balance.DebitsPending), live.Values.Sum(b => b.Balance.CreditsPending));
        Assert.Equal(Fen.FromYuan(Total), universe.Sum(a => live[a].Balance.Posted(live[a].Side)));
        Assert.All(live.Values, b => Assert.True(b.Limit.Admits(b.Balance, b.Side), $"{b.Account} is past its limits: {b}"));
    }

    /// <summary>Every key answered 201 is in the log exactly as many times as the entries it created, with those ids; a refused key not at all.</summary>
    private async Task CheckEachKeyAppliedOnceAsync(BankHistory history)
    {
        await using var session = fund.Get<IDocumentStore>().QuerySession();
        var logged = (await session.Events.QueryAllRawEvents().ToListAsync())
            .Select(e => e.Data switch
            {
                EntryPosted p => (p.Header.Source.IdempotencyKey, p.EntryId),
                EntryReserved r => (r.Header.Source.IdempotencyKey, r.EntryId),
                _ => (null, Guid.Empty),
            })
            .Where(k => k.IdempotencyKey is not null)
            .GroupBy(k => k.IdempotencyKey!)
            .ToDictionary(g => g.Key, g => g.Select(k => k.EntryId).Order().ToList());

        foreach (var key in history.Outcomes.Where(o => o.Operation is "transfer" or "batch" or "reserve" or "reversal").GroupBy(o => o.Key))
        {
            var accepted = key.Where(o => o.Status == HttpStatusCode.Created).Select(o => o.EntryIds.Order().ToList()).ToList();
            var inLog = logged.GetValueOrDefault(key.Key) ?? [];
            if (accepted.Count == 0)
            {
                Assert.True(inLog.Count == 0, $"refused key {key.Key} left entries {string.Join(", ", inLog)}");
                continue;
            }

            Assert.All(accepted, ids => Assert.Equal(accepted[0], ids));
            Assert.Equal(accepted[0], inLog);
        }
    }

    private async Task CheckReplayAsync()
    {
        var replay = await fund.Get<LedgerReplay>().RunAsync(CancellationToken.None);

        Assert.True(replay.Events > Submitters * 10, $"only {replay.Events} events were folded");
        Assert.True(replay.LiveDifferences.Count == 0, "rebuilt ≠ live: " + string.Join("; ", replay.LiveDifferences));
        Assert.True(replay.HistoryDifferences.Count == 0, "rebuilt ≠ movement history: " + string.Join("; ", replay.HistoryDifferences));
    }
}
