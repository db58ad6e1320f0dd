using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompensationFund.Tests.Support;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// Jepsen's bank test, against the real PostgreSQL through the HTTP API: concurrent submitters move money at random
/// among limited accounts — posting, batching, reversing, reserving, posting in part, voiding, retrying with the same
/// idempotency key, racing the expiry sweeper — while readers check every snapshot. Afterwards the total is
/// conserved, no account is past its limits, every accepted key was applied exactly once, and folding the event log
/// gives the live balances (https://jepsen.io/analyses — the "bank" workload); finally the hash chain verifies, and a line
/// edited behind the service's back breaks it.
/// </summary>
public sealed partial class BankTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private const int Submitters = 8;
    private const int OperationsEach = 50;
    private const decimal PoolFunding = 100_000m;
    private const decimal ThirdPartyFunding = 20_000m;
    private const decimal DepositFunding = 10_000m;
    private const int Cities = 8;
    private const decimal Total = PoolFunding + ThirdPartyFunding + (Cities * DepositFunding);
    private const decimal DepositCeiling = 30_000m;

    [Fact]
    public async Task ConcurrentSubmittersConserveMoneyKeepLimitsApplyEachKeyOnceAndReplayToTheLiveBalances()
    {
        var universe = await SetUpAsync();
        var history = new BankHistory();
        var seed = Environment.TickCount;

        await Task.WhenAll(Enumerable.Range(0, Submitters).Select(i => SubmitAsync(new Random(seed + i), universe, history)));

        Assert.True(history.Violations.IsEmpty, $"seed {seed}: " + string.Join("\n", history.Violations.Take(10)));
        var tally = string.Join(", ", history.Outcomes.GroupBy(o => $"{o.Operation} {(int)o.Status}").OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        Assert.True(history.Outcomes.Count(o => o.Status is HttpStatusCode.Created or HttpStatusCode.OK) > Submitters * OperationsEach / 2, tally);
        await CheckConservationAndLimitsAsync(universe);
        await CheckEachKeyAppliedOnceAsync(history);
        await CheckReplayAsync();
        await CheckChainDetectsTamperingAsync();
    }

    /// <summary>
    /// Cities' deposits plus the pools, all credit-normal with a floor of zero; some deposits with a ceiling. Only accounts
    /// that take manual entries: a city's payables change only through their own operations (separation of duties).
    /// </summary>
    private async Task<IReadOnlyList<string>> SetUpAsync()
    {
        using var finance = fund.Finance();
        var cities = new List<string>();
        for (var i = 0; i < Cities; i++)
        {
            cities.Add(await fund.NewCityAsync($"bank{i}"));
        }

        var universe = new List<string> { "fund:pool", "fund:third-party" };
        foreach (var (city, i) in cities.Select((c, i) => (c, i)))
        {
            universe.Add($"city:{city}:deposits-held");
            await (await finance.PutAsync(
                $"/api/fund/accounts/city:{city}:deposits-held/limits", JsonContent.Create(new { floor = 0m, ceiling = i < 3 ? DepositCeiling : (decimal?)null })))
                .JsonAsync(HttpStatusCode.OK);
            await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", $"city:{city}:deposits-held", DepositFunding))).JsonAsync(HttpStatusCode.Created);
        }

        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", PoolFunding))).JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:third-party", ThirdPartyFunding))).JsonAsync(HttpStatusCode.Created);
        return universe;
    }

    private async Task SubmitAsync(Random random, IReadOnlyList<string> universe, BankHistory history)
    {
        using var finance = fund.Finance();
        for (var i = 0; i < OperationsEach; i++)
        {
            var key = $"bank-{Guid.NewGuid():N}";
            var roll = random.Next(100);
            var task = roll switch
            {
                < 30 => TransferAsync(finance, random, universe, history, key),
                < 38 => BatchAsync(finance, random, universe, history, key),
                < 48 => ReverseAsync(finance, random, history, key),
                < 68 => ReserveAsync(finance, random, universe, history, key),
                < 82 => DecideAsync(finance, random, history, key, post: true),
                < 94 => DecideAsync(finance, random, history, key, post: false),
                _ => ReadAsync(finance, universe, history),
            };
            await task;
        }
    }
}
