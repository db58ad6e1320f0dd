using System.Net;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Tests.Support;
using Marten;
using Npgsql;
using Platform.Testing;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// Entries posted one per request commit in groups (<see cref="LedgerGroupCommit"/>): whatever group a posting lands in,
/// it gets the answer it would get alone, a refused posting takes nothing of its group down with it, and a retry or a
/// duplicate in flight with the same <c>Idempotency-Key</c> replays the one posting instead of adding another.
/// </summary>
public sealed class GroupCommitTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task PostingsQueuedTogetherCommitInGroupsAndARefusedOneTakesNothingDownWithIt()
    {
        var accounts = await fund.OpenIncomeAccountsAsync("together", 28);
        var commit = fund.Get<LedgerGroupCommit>();
        var retriedBefore = FundMetrics.EntryCommitGroupsRetried.Value;
        using var finance = fund.Finance();
        var bank = await finance.BalanceAsync("fund:bank");

        // Both writers are first held by two postings on two account rows this test keeps locked (on two accounts: a
        // posting sharing an account with one in flight would not take a writer, it would wait for it), so everything
        // queued next waits and forms groups together once the locks go (however slow the machine): twelve disjoint
        // transfers, one that empties the bank past its floor, and two with the same entry id.
        Task[] blockers;
        Task[] good;
        Task overdrawn, first, second;
        await using (var connection = await fund.Get<NpgsqlDataSource>().OpenConnectionAsync())
        await using (var held = await HoldAccountsAsync(connection, accounts[24], accounts[26]))
        {
            var blocker = commit.CommitAsync([New(accounts[24], accounts[25], 1)]);
            await Eventually.Until(WaitingPostingsAsync, n => n >= 1, because: "one writer to wait on a held account");
            blockers = [blocker, commit.CommitAsync([New(accounts[26], accounts[27], 1)])];
            await Eventually.Until(WaitingPostingsAsync, n => n >= 2, because: "both writers to wait on the held accounts");
            good = [.. Enumerable.Range(0, 12).Select(i => commit.CommitAsync([New(accounts[2 * i], accounts[(2 * i) + 1], 100 + i)]))];
            overdrawn = commit.CommitAsync([New("fund:expense:bank-charges", "fund:bank", ToFen(bank) + 1)]);
            var twin = Guid.NewGuid();
            first = commit.CommitAsync([New("fund:expense:bank-charges", "fund:income:interest", 7, twin)]);
            second = commit.CommitAsync([New("fund:expense:bank-charges", "fund:income:interest", 7, twin)]);
        }

        await Task.WhenAll(blockers);
        await Task.WhenAll(good);
        var refusal = await Assert.ThrowsAsync<FundRuleException>(() => overdrawn);
        var outcomes = await Task.WhenAll(Settle(first), Settle(second));

        Assert.Equal("Balance limit", refusal.Title);
        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.Single(outcomes, o => o is FundRuleException { Title: "Entry exists" });
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(1.00m + (i / 100m), await finance.BalanceAsync(accounts[(2 * i) + 1]));
        }

        Assert.Equal(bank, await finance.BalanceAsync("fund:bank"));
        Assert.True(FundMetrics.EntryCommitGroupsRetried.Value > retriedBefore, "no group was refused and retried one by one");
    }

    [Fact]
    public async Task APostingOnAnAccountAGroupInFlightHoldsWaitsForItWithoutTakingAWriter()
    {
        var accounts = await fund.OpenIncomeAccountsAsync("held", 5);
        var commit = fund.Get<LedgerGroupCommit>();

        Task first, behind, other;
        await using (var connection = await fund.Get<NpgsqlDataSource>().OpenConnectionAsync())
        await using (var held = await HoldAccountsAsync(connection, accounts[0]))
        {
            first = commit.CommitAsync([New(accounts[0], accounts[1], 1)]);
            await Eventually.Until(WaitingPostingsAsync, n => n >= 1, because: "the first posting to wait on the held account");
            behind = commit.CommitAsync([New(accounts[0], accounts[2], 2)]);
            other = commit.CommitAsync([New(accounts[3], accounts[4], 3)]);

            // The second writer was free for the posting that shares nothing, and the one behind the first did not take it
            // to wait on the same row in the database.
            await other.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(first.IsCompleted || behind.IsCompleted, "a posting on the held account committed while its row was locked");
            Assert.Equal(1, await WaitingPostingsAsync());
        }

        await Task.WhenAll(first, behind);
        using var finance = fund.Finance();
        Assert.Equal(0.01m, await finance.BalanceAsync(accounts[1]));
        Assert.Equal(0.02m, await finance.BalanceAsync(accounts[2]));
        Assert.Equal(0.03m, await finance.BalanceAsync(accounts[4]));
    }

    [Fact]
    public async Task PostingsQueuedWhileOthersCommitShareOneTransaction()
    {
        var accounts = await fund.OpenIncomeAccountsAsync("shared", 40);
        var commit = fund.Get<LedgerGroupCommit>();
        var before = CommitsSoFar();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => commit.CommitAsync([New(accounts[2 * i], accounts[(2 * i) + 1], 1)])));

        // Other classes post at the same time in this process, so only a lower bound holds: 20 postings took fewer than 20 commits.
        var (commits, postings) = CommitsSince(before);
        Assert.True(postings - commits >= 1, $"{postings} postings in {commits} commits");
        using var finance = fund.Finance();
        Assert.Equal(0.01m, await finance.BalanceAsync(accounts[39]));
    }

    [Fact]
    public async Task ConcurrentRequestsOnOneAccountEachGetTheAnswerTheyWouldGetAlone()
    {
        using var finance = fund.Finance();
        var accounts = await fund.OpenIncomeAccountsAsync("one-account", 2);
        await (await finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer("fund:bank", accounts[0], 100m))).JsonAsync(HttpStatusCode.Created);
        var bank = await finance.BalanceAsync("fund:bank");

        // 30 deposits of 1.00 and 10 withdrawals of half the bank race. Whatever the order, exactly two withdrawals fit
        // (the deposits add less than a half), the eight others are refused whole.
        var half = Math.Round(bank / 2, 2, MidpointRounding.ToZero);
        var deposits = Enumerable.Range(0, 30).Select(_ => finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer("fund:bank", accounts[1], 1m)));
        var withdrawals = Enumerable.Range(0, 10).Select(_ => finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer("fund:expense:bank-charges", "fund:bank", half)));
        var answers = await Task.WhenAll(deposits.Concat(withdrawals));

        Assert.All(answers.Take(30), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(2, answers.Skip(30).Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(8, answers.Skip(30).Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(bank - (2 * half) + 30m, await finance.BalanceAsync("fund:bank"));
        Assert.Equal(30m, await finance.BalanceAsync(accounts[1]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("same-reference")]
    public async Task DuplicatesInFlightWithOneKeyPostOnceAndReplayTheFirstAnswer(string? reference)
    {
        using var finance = fund.Finance();
        var accounts = await fund.OpenIncomeAccountsAsync("duplicates-" + (reference ?? "none"), 2);
        var key = Guid.NewGuid().ToString("N");
        var body = Support.Ledger.Transfer(accounts[0], accounts[1], 5m, reference: reference is null ? null : $"{reference}-{key}");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => finance.PostAsync("/api/fund/entries", body, key)));
        var entries = await Task.WhenAll(answers.Select(a => a.JsonAsync(HttpStatusCode.Created)));

        Assert.Single(entries.Select(e => e.GetProperty("entryId").GetGuid()).Distinct());
        Assert.Equal(7, answers.Count(a => a.Headers.Contains("Idempotency-Replayed")));
        Assert.Equal(5m, await finance.BalanceAsync(accounts[1]));
        var retry = await finance.PostAsync("/api/fund/entries", body, key);
        Assert.Equal(entries[0].GetProperty("entryId").GetGuid(), (await retry.JsonAsync(HttpStatusCode.Created)).GetProperty("entryId").GetGuid());
        Assert.Equal(5m, await finance.BalanceAsync(accounts[1]));
    }

    [Fact]
    public async Task RequestsCommittedTogetherEachRecordTheirOwnAnswerUnderTheirOwnKey()
    {
        using var finance = fund.Finance();
        var accounts = await fund.OpenIncomeAccountsAsync("own-answer", 40);
        var requests = Enumerable.Range(0, 20)
            .Select(i => (Key: Guid.NewGuid().ToString("N"), Body: Support.Ledger.Transfer(accounts[2 * i], accounts[(2 * i) + 1], 1m + i))).ToList();
        var before = CommitsSoFar();

        var answers = await Task.WhenAll(requests.Select(r => finance.PostAsync("/api/fund/entries", r.Body, r.Key)));
        var entries = await Task.WhenAll(answers.Select(a => a.JsonAsync(HttpStatusCode.Created)));
        var retries = await Task.WhenAll(requests.Select(r => finance.PostAsync("/api/fund/entries", r.Body, r.Key)));

        // Their idempotency records were written by one statement per group (IdempotentResponse.RecordAllIn): each retry
        // replays its own request's answer, and nothing was posted twice.
        var (commits, postings) = CommitsSince(before);
        Assert.True(postings - commits >= 1, $"no two postings shared a commit: {postings} postings in {commits} commits");
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.True(retries[i].Headers.Contains("Idempotency-Replayed"), $"request {i} was not replayed");
            var replayed = await retries[i].JsonAsync(HttpStatusCode.Created);
            Assert.Equal(entries[i].GetProperty("entryId").GetGuid(), replayed.GetProperty("entryId").GetGuid());
            Assert.Equal(entries[i].GetRawText(), replayed.GetRawText());
            Assert.Equal(1m + i, await finance.BalanceAsync(accounts[(2 * i) + 1]));
        }
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIsRefusedAndPostsNothing()
    {
        using var finance = fund.Finance();
        var accounts = await fund.OpenIncomeAccountsAsync("other-body", 2);
        var key = Guid.NewGuid().ToString("N");
        await (await finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer(accounts[0], accounts[1], 5m), key)).JsonAsync(HttpStatusCode.Created);

        var other = await finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer(accounts[0], accounts[1], 6m), key);

        await other.JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(5m, await finance.BalanceAsync(accounts[1]));
    }

    [Fact]
    public async Task AKeyAlreadyPostedWithAnInvalidBodyIsRefusedAsAReusedKey()
    {
        using var finance = fund.Finance();
        var accounts = await fund.OpenIncomeAccountsAsync("invalid-retry", 2);
        var key = Guid.NewGuid().ToString("N");
        var invalid = Support.Ledger.Transfer(accounts[0], accounts[1], 1.001m);
        var refused = await (await finance.PostAsync("/api/fund/entries", invalid, Guid.NewGuid().ToString("N"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The request is not valid", refused.GetProperty("title").GetString());
        await (await finance.PostAsync("/api/fund/entries", Support.Ledger.Transfer(accounts[0], accounts[1], 5m), key)).JsonAsync(HttpStatusCode.Created);

        // Refused without writing anything, the request finds the key's record after the use case: the key was used.
        var reused = await finance.PostAsync("/api/fund/entries", invalid, key);

        var problem = await reused.JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Idempotency-Key reused", problem.GetProperty("title").GetString());
        Assert.Equal(5m, await finance.BalanceAsync(accounts[1]));
    }

    private static LedgerChange New(string debit, string credit, long fen, Guid? id = null) =>
        LedgerChange.New(new EntryDraft(LedgerGen.Header(), Today, [JournalLine.Debit(debit, fen), JournalLine.Credit(credit, fen)]).Post(id ?? Guid.NewGuid(), DateTimeOffset.UtcNow));

    /// <summary>Commits of the group commit so far, and the postings they carried (this process's group-size histogram).</summary>
    private static (double Commits, double Postings) CommitsSoFar() => (FundMetrics.EntryCommitGroupSize.Count, FundMetrics.EntryCommitGroupSize.Sum);

    private static (double Commits, double Postings) CommitsSince((double Commits, double Postings) before)
    {
        var now = CommitsSoFar();
        return (now.Commits - before.Commits, now.Postings - before.Postings);
    }

    private static long ToFen(decimal yuan) => (long)(yuan * 100);

    private static async Task<Exception?> Settle(Task commit)
    {
        try
        {
            await commit;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>A transaction holding the balance rows of <paramref name="accounts"/>: postings on them wait until it ends.</summary>
    private async Task<NpgsqlTransaction> HoldAccountsAsync(NpgsqlConnection connection, params string[] accounts)
    {
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"select 1 from {fund.Get<LedgerSchema>().Balances} where account_id = any($1) for update", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = accounts });
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    /// <summary>Group commits of this fund's database waiting on a row lock in <c>fund_apply_movements</c>.</summary>
    private async Task<long> WaitingPostingsAsync()
    {
        await using var command = fund.Get<NpgsqlDataSource>().CreateCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%apply_movements%'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
