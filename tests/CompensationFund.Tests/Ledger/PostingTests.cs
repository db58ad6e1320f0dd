using System.Net;
using System.Net.Http.Json;
using CompensationFund.Tests.Support;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>Posting, batches, references and reversals through the API against the real PostgreSQL.</summary>
public sealed class PostingTests(FundFixture fund) : IClassFixture<FundFixture>
{
    [Fact]
    public async Task BalancedEntryMovesBothBalancesAndKeepsItsSource()
    {
        using var finance = fund.Finance();
        var before = await finance.BalanceAsync("fund:bank");

        var entry = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 12.34m), idempotencyKey: "interest-1"))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal("posted", entry.GetProperty("status").GetString());
        Assert.Equal("interest-1", entry.GetProperty("source").GetProperty("idempotencyKey").GetString());
        Assert.Equal(before + 12.34m, await finance.BalanceAsync("fund:bank"));
        var read = await (await finance.GetAsync($"/api/fund/entries/{entry.GetProperty("entryId").GetGuid()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(12.34m, read.GetProperty("postedLines")[0].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task UnbalancedEntryIsRefusedAndPostsNothing()
    {
        using var finance = fund.Finance();
        var body = new { description = "wrong", lines = new[] { Line("fund:bank", "debit", 10m), Line("fund:pool", "credit", 9.99m) } };

        var problem = await (await finance.PostAsync("/api/fund/entries", body)).JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("must equal credits", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmountWithAFractionOfAFenIsBadInput()
    {
        using var finance = fund.Finance();
        var problem = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 1.005m))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lines[0].amount", out _));
    }

    [Fact]
    public async Task EntryThatWouldTakeThePoolBelowZeroIsRefusedNamingTheAccount()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var pool = await finance.BalanceAsync("fund:pool");

        var problem = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:pool", $"city:{city}:deposits-held", pool + 0.01m)))
            .JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("'fund:pool' may not go below 0.00", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(pool, await finance.BalanceAsync("fund:pool"));
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:deposits-held"));
    }

    [Fact]
    public async Task BatchIsAllOrNothing()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var deposits = $"city:{city}:deposits-held";
        var good = Transfer("fund:bank", deposits, 50m);
        var overdraw = Transfer("fund:third-party", deposits, 1_000_000_000m);

        var refused = await finance.PostAsync("/api/fund/entries/batch", new { entries = new[] { good, overdraw } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(0m, await finance.BalanceAsync(deposits));

        var accepted = await (await finance.PostAsync("/api/fund/entries/batch", new { entries = new[] { good, good } })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(4, accepted.GetProperty("lines").GetInt32());
        Assert.Equal(100m, await finance.BalanceAsync(deposits));
    }

    [Fact]
    public async Task ABatchTooLargeForTheIndexedPathIsCheckedTheSameWay()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var deposits = $"city:{city}:deposits-held";
        var good = Enumerable.Repeat(Transfer("fund:bank", deposits, 1m), (Api.Infrastructure.Ledger.LedgerSchema.BulkLines / 2) + 1).ToArray();
        var overdraw = Transfer("fund:third-party", deposits, 1_000_000_000m);

        var refused = await finance.PostAsync("/api/fund/entries/batch", new { entries = good.Append(overdraw).ToArray() });
        var accepted = await (await finance.PostAsync("/api/fund/entries/batch", new { entries = good })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("fund:third-party", (await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(good.Length * 2, accepted.GetProperty("lines").GetInt32());
        Assert.Equal(good.Length, await finance.BalanceAsync(deposits));
    }

    [Fact]
    public async Task SameIdempotencyKeyReplaysAndADifferentBodyIsRefused()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var account = $"city:{city}:deposits-held";

        var first = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", account, 7m), "deposit-" + city)).JsonAsync(HttpStatusCode.Created);
        var again = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", account, 7m), "deposit-" + city)).JsonAsync(HttpStatusCode.Created);
        var other = await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", account, 8m), "deposit-" + city);

        Assert.Equal(first.GetProperty("entryId").GetGuid(), again.GetProperty("entryId").GetGuid());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(7m, await finance.BalanceAsync(account));
    }

    [Fact]
    public async Task AReferenceNamesOneEntryForever()
    {
        using var finance = fund.Finance();
        var reference = "bank-line-" + Guid.NewGuid();
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 1m, reference: reference))).JsonAsync(HttpStatusCode.Created);

        var second = await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 1m, reference: reference));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task ReversalUndoesTheEntryOnceAndLinksBothWays()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var account = $"city:{city}:deposits-held";
        var entry = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", account, 30m))).JsonAsync(HttpStatusCode.Created);
        var id = entry.GetProperty("entryId").GetGuid();

        var reversal = await (await finance.PostAsync($"/api/fund/entries/{id}/reversal", new { reason = "posted to the wrong city" })).JsonAsync(HttpStatusCode.Created);
        var twice = await finance.PostAsync($"/api/fund/entries/{id}/reversal", new { reason = "again" });

        Assert.Equal(id, reversal.GetProperty("reverses").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(0m, await finance.BalanceAsync(account));
        var original = await (await finance.GetAsync($"/api/fund/entries/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(reversal.GetProperty("entryId").GetGuid(), original.GetProperty("reversedBy").GetGuid());
    }

    [Fact]
    public async Task BalanceAtAPastMomentSumsWhatHadBeenRecordedByThen()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();
        var account = $"city:{city}:deposits-held";
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", account, 40m))).JsonAsync(HttpStatusCode.Created);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", account, 2m))).JsonAsync(HttpStatusCode.Created);

        var then = await (await finance.GetAsync($"/api/fund/accounts/{account}?recordedBy={Uri.EscapeDataString(between.ToString("O"))}")).JsonAsync(HttpStatusCode.OK);
        var yesterday = await (await finance.GetAsync($"/api/fund/accounts/{account}?asOf={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(40m, then.GetProperty("balance").GetDecimal());
        Assert.Equal(0m, yesterday.GetProperty("balance").GetDecimal());
        Assert.Equal(42m, await finance.BalanceAsync(account));
    }

    [Fact]
    public async Task OnlyFinancePosts()
    {
        using var coordinator = fund.Coordinator();
        using var city = fund.City("hangzhou");
        using var auditor = fund.Auditor();
        foreach (var client in new[] { coordinator, city, auditor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 1m))).StatusCode);
        }
    }

    [Fact]
    public async Task ACitySeesTheFundsAccountsAndItsOwnButNoOtherCitys()
    {
        var mine = await fund.NewCityAsync();
        var theirs = await fund.NewCityAsync();
        using var city = fund.City(mine);

        var page = await (await city.GetAsync("/api/fund/accounts?pageSize=200")).JsonAsync(HttpStatusCode.OK);
        var ids = page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();

        Assert.Contains("fund:pool", ids);
        Assert.Contains($"city:{mine}:deposits-held", ids);
        Assert.DoesNotContain(ids, id => id.Contains(theirs, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/api/fund/accounts/city:{theirs}:deposits-held")).StatusCode);
    }
}
