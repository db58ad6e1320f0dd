using System.Net;
using System.Text.Json;
using CompensationFund.Tests.Support;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// A domain entry (here a third-party deposit, a compensation payment) is reversed only through a reversal request that
/// the agreement's quorum of distinct people (two by default) approves; the agreement that completes it posts exactly
/// one reversal in the same transaction.
/// </summary>
public sealed class DomainReversalTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static string Requests(Guid entry) => $"/api/fund/entries/{entry}/reversal-requests";

    /// <summary>An earmarked third-party deposit of <paramref name="amount"/>: Dr bank, Cr its own earmark (the entry's id is the deposit's).</summary>
    private static async Task<(Guid Entry, string Earmark)> DepositAsync(HttpClient finance, decimal amount)
    {
        var deposit = await (await finance.PostAsync("/api/fund/third-party-deposits", new { donor = "Provincial fund", amount, purpose = "flood-prevention" }))
            .JsonAsync(HttpStatusCode.Created);
        return (deposit.GetProperty("id").GetGuid(), deposit.GetProperty("account").GetString()!);
    }

    private static async Task<JsonElement> ProposeAsync(HttpClient client, Guid entry, string reason = "recorded twice", string? key = null) =>
        await (await client.PostAsync(Requests(entry), new { reason }, key)).JsonAsync(HttpStatusCode.Created);

    [Fact]
    public async Task OneApproverIsNotEnoughAndTheSamePersonTwiceIsNotTwo()
    {
        using var alice = fund.Finance("alice");
        var (entry, earmark) = await DepositAsync(alice, 100m);
        var bank = await alice.BalanceAsync("fund:bank");

        var request = await ProposeAsync(alice, entry);
        var id = request.GetProperty("id").GetGuid();
        var again = await alice.PostAsync($"{Requests(entry)}/{id}/approvals", new { note = "me again" });

        Assert.Equal(("pending", 2), (request.GetProperty("status").GetString(), request.GetProperty("required").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(bank, await alice.BalanceAsync("fund:bank"));
        Assert.Equal(100m, await alice.BalanceAsync(earmark));
        var stored = await (await alice.GetAsync($"{Requests(entry)}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", stored.GetProperty("status").GetString());
        Assert.Equal(["test-finance-alice"], stored.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("by").GetString()));
        Assert.Null((await (await alice.GetAsync($"/api/fund/entries/{entry}")).JsonAsync(HttpStatusCode.OK)).GetProperty("reversedBy").GetString());
    }

    [Fact]
    public async Task TheQuorumReachedPostsExactlyOneReversalAndTheBalancesReturn()
    {
        using var alice = fund.Finance("alice");
        using var bob = fund.Coordinator("bob");
        using var auditor = fund.Auditor();
        var bankBefore = await alice.BalanceAsync("fund:bank");
        var (entry, earmark) = await DepositAsync(alice, 100m);
        var id = (await ProposeAsync(alice, entry)).GetProperty("id").GetGuid();

        var approved = await (await bob.PostAsync($"{Requests(entry)}/{id}/approvals", new { note = "the bank shows one transfer" })).JsonAsync(HttpStatusCode.OK);
        var third = await alice.PostAsync($"{Requests(entry)}/{id}/approvals", new { });

        Assert.Equal("reversed", approved.GetProperty("status").GetString());
        var reversalId = approved.GetProperty("reversalEntryId").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal(bankBefore, await alice.BalanceAsync("fund:bank"));
        Assert.Equal(0m, await alice.BalanceAsync(earmark));
        var original = await (await auditor.GetAsync($"/api/fund/entries/{entry}")).JsonAsync(HttpStatusCode.OK);
        var reversal = await (await auditor.GetAsync($"/api/fund/entries/{reversalId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(reversalId, original.GetProperty("reversedBy").GetGuid());
        Assert.Equal(("reversal", entry), (reversal.GetProperty("kind").GetString(), reversal.GetProperty("reverses").GetGuid()));
        Assert.Equal(["test-finance-alice", "test-coordinator-bob"], reversal.GetProperty("source").GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("by").GetString()));
        var read = await (await auditor.GetAsync($"{Requests(entry)}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            [("requested", "test-finance-alice", "finance"), ("approved", "test-coordinator-bob", "coordinator"), ("reversed", "test-coordinator-bob", "coordinator")],
            read.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("action").GetString(), h.GetProperty("by").GetString(), h.GetProperty("role").GetString())));
        Assert.Equal("the bank shows one transfer", read.GetProperty("history")[1].GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await alice.PostAsync(Requests(entry), new { reason = "once more" })).StatusCode);
        var listed = await (await auditor.GetAsync(Requests(entry))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, listed.GetArrayLength());
    }

    [Fact]
    public async Task ARejectionIsNotAnApprovalAndClosesTheRequest()
    {
        using var alice = fund.Finance("alice");
        using var bob = fund.Coordinator("bob");
        using var carol = fund.Coordinator("carol");
        var (entry, earmark) = await DepositAsync(alice, 100m);
        var id = (await ProposeAsync(alice, entry)).GetProperty("id").GetGuid();

        var rejected = await (await bob.PostAsync($"{Requests(entry)}/{id}/rejections", new { reason = "the donor confirmed both transfers" })).JsonAsync(HttpStatusCode.OK);
        var late = await carol.PostAsync($"{Requests(entry)}/{id}/approvals", new { });

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(["test-finance-alice"], rejected.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("by").GetString()));
        Assert.Equal(["test-coordinator-bob"], rejected.GetProperty("rejections").EnumerateArray().Select(a => a.GetProperty("by").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(100m, await alice.BalanceAsync(earmark));
        var second = await ProposeAsync(alice, entry, "asked again with the bank's letter");
        Assert.NotEqual(id, second.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ASecondRequestWhileOneIsPendingIsAConflict()
    {
        using var alice = fund.Finance("alice");
        using var bob = fund.Coordinator("bob");
        var (entry, _) = await DepositAsync(alice, 10m);
        await ProposeAsync(alice, entry);

        var problem = await (await bob.PostAsync(Requests(entry), new { reason = "mine" })).JsonAsync(HttpStatusCode.Conflict);

        Assert.Contains("awaits its quorum", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdempotentRetryReplaysAndPostsNothingTwice()
    {
        using var alice = fund.Finance("alice");
        using var bob = fund.Finance("bob");
        var (entry, _) = await DepositAsync(alice, 100m);
        var proposalKey = Guid.NewGuid().ToString("N");
        var first = await ProposeAsync(alice, entry, key: proposalKey);
        var replayed = await alice.PostAsync(Requests(entry), new { reason = "recorded twice" }, proposalKey);
        var id = first.GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString("N");
        var approved = await (await bob.PostAsync($"{Requests(entry)}/{id}/approvals", new { }, key)).JsonAsync(HttpStatusCode.OK);
        var bank = await alice.BalanceAsync("fund:bank");

        var retry = await bob.PostAsync($"{Requests(entry)}/{id}/approvals", new { }, key);

        Assert.Equal(id, (await replayed.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        Assert.True(replayed.Headers.Contains("Idempotency-Replayed"));
        var again = await retry.JsonAsync(HttpStatusCode.OK);
        Assert.True(retry.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(approved.GetProperty("reversalEntryId").GetGuid(), again.GetProperty("reversalEntryId").GetGuid());
        Assert.Equal(bank, await alice.BalanceAsync("fund:bank"));
    }

    [Fact]
    public async Task AReversalThatWouldBreakAFloorIsRefusedAndTheRequestWaits()
    {
        using var alice = fund.Finance("alice");
        using var bob = fund.Finance("bob");
        var city = await fund.NewCityAsync("rv");
        var (entry, earmark) = await DepositAsync(alice, 100m);
        await (await alice.PostAsync($"/api/fund/third-party-deposits/{entry}/releases", new { cityId = city, amount = 40m, purpose = "flood-prevention", reason = "embankment" }))
            .JsonAsync(HttpStatusCode.OK);
        var id = (await ProposeAsync(alice, entry)).GetProperty("id").GetGuid();

        var refused = await (await bob.PostAsync($"{Requests(entry)}/{id}/approvals", new { })).JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(earmark, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(60m, await alice.BalanceAsync(earmark));
        var stored = await (await alice.GetAsync($"{Requests(entry)}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("pending", 1), (stored.GetProperty("status").GetString(), stored.GetProperty("approvals").GetArrayLength()));
    }

    [Fact]
    public async Task ADisbursedCompensationIsReversedByTheQuorumAndItsPayableReturns()
    {
        var (proposal, city) = await fund.ProposeAsync(1_000m);
        using var finance = fund.Finance();
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Finance("bob");
        await fund.ApproveByTwoAsync(proposal, 100m);
        await (await finance.PostAsync($"/api/fund/compensation/{proposal}/disburse", new { })).JsonAsync(HttpStatusCode.OK);
        var statement = await (await finance.GetAsync($"/api/fund/members/{city}/statement")).JsonAsync(HttpStatusCode.OK);
        var payment = statement.GetProperty("accounts").EnumerateArray().SelectMany(a => a.GetProperty("lines").EnumerateArray())
            .First(l => l.GetProperty("why").GetProperty("kind").GetString() == "compensation-payment").GetProperty("entryId").GetGuid();
        var bank = await finance.BalanceAsync("fund:bank");

        var id = (await ProposeAsync(alice, payment, "paid to the wrong account")).GetProperty("id").GetGuid();
        await (await bob.PostAsync($"{Requests(payment)}/{id}/approvals", new { })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(bank + 90m, await finance.BalanceAsync("fund:bank"));
        Assert.Equal(90m, await finance.BalanceAsync($"city:{city}:compensation-payable"));
    }

    [Fact]
    public async Task OnlyFinanceAndTheCoordinatingBodyDecideAndOnlyDomainEntriesAreAsked()
    {
        using var finance = fund.Finance();
        using var auditor = fund.Auditor();
        var city = await fund.NewCityAsync("rq");
        using var member = fund.City(city);
        var (entry, _) = await DepositAsync(finance, 5m);
        var manual = (await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 3m))).JsonAsync(HttpStatusCode.Created)).GetProperty("entryId").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(Requests(entry), new { reason = "audit" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync(Requests(entry), new { reason = "mine" })).StatusCode);
        var problem = await (await finance.PostAsync(Requests(manual), new { reason = "typo" })).JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("generic reversal", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.PostAsync(Requests(Guid.NewGuid()), new { reason = "none" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"{Requests(entry)}/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsync(Requests(entry), new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await finance.PostWithoutKeyAsync(Requests(entry), new { reason = "no key" })).StatusCode);
    }

    [Fact]
    public async Task TwoPeopleProposingAtOnceOpenOneRequest()
    {
        using var alice = fund.Finance("alice");
        using var bob = fund.Coordinator("bob");
        var (entry, _) = await DepositAsync(alice, 7m);

        var answers = await Task.WhenAll(alice.PostAsync(Requests(entry), new { reason = "twice" }), bob.PostAsync(Requests(entry), new { reason = "twice" }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(1, (await (await alice.GetAsync(Requests(entry))).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }
}
