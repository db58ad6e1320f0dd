using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Tests.Support;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// Jepsen's bank test, against the real PostgreSQL through the HTTP API: concurrent submitters move money at random
/// among limited accounts — posting, batching, reversing, reserving, posting in part, voiding, retrying with the same
/// idempotency key, racing the expiry sweeper — while readers check every snapshot. Afterwards the total is
/// conserved, no account is past its limits, every accepted key was applied exactly once, and folding the event log
/// gives the live balances (https://jepsen.io/analyses — the "bank" workload). Beside the manual operations the domain's
/// own run concurrently on the same ledger — compensation approved by two coordinators, disbursed, clawed back, its
/// hold-back released (while the expiry sweeper runs), bank imports with failing lines, back-dated payments and late
/// penalties — each checked for what its rules promise. Finally the reconciliation is clean, and a row edited behind
/// the service's back is reported by its chain check (a movement) or its rebuild (an event).
/// </summary>
public sealed partial class BankTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private const int Submitters = 8;
    private const int OperationsEach = 50;
    private const decimal PoolFunding = 100_000m;
    private const decimal ThirdPartyFunding = 20_000m;
    private const decimal DepositFunding = 10_000m;
    private const int Cities = 8;

    /// <summary>What the manual universe holds: the pool is left out, since compensation and contributions move money in and out of it.</summary>
    private const decimal Total = ThirdPartyFunding + (Cities * DepositFunding);
    private const decimal DepositCeiling = 30_000m;

    /// <summary>The set-up's reservation left to expire (<see cref="CheckNoCompensationLapsedAsync"/>).</summary>
    private Guid _lapsing;

    [Fact]
    public async Task ConcurrentSubmittersConserveMoneyKeepLimitsApplyEachKeyOnceAndReplayToTheLiveBalances()
    {
        var universe = await SetUpAsync();
        var history = new BankHistory();
        var seed = Environment.TickCount;

        await Task.WhenAll(Enumerable.Range(0, Submitters).Select(i => SubmitAsync(new Random(seed + i), universe, history)));
        await fund.Get<LedgerSealer>().SealAsync(CancellationToken.None);

        Assert.True(history.Violations.IsEmpty, $"seed {seed}: " + string.Join("\n", history.Violations.Take(10)));
        var tally = string.Join(", ", history.Outcomes.GroupBy(o => $"{o.Operation} {(int)o.Status}").OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        Assert.True(history.Outcomes.Count(o => o.Status is HttpStatusCode.Created or HttpStatusCode.OK) > Submitters * OperationsEach / 2, tally);
        Assert.True(history.Outcomes.Any(o => o.Operation.StartsWith("compensation", StringComparison.Ordinal) && o.Status == HttpStatusCode.OK), tally);
        await CheckConservationAndLimitsAsync(universe.Accounts);
        await CheckEachKeyAppliedOnceAsync(history);
        await CheckReplayAsync();
        await CheckRefusedImportsChangedNothingAsync(history);
        await CheckObligationsAgreeWithTheLedgerAsync(universe);
        await CheckPenaltiesFollowThePaymentsAsync();
        await CheckCompensationAsync(universe);
        await CheckNoCompensationLapsedAsync();
        await CheckReconciliationCleanThenTamperingReportedAsync();
    }

    /// <summary>
    /// Cities' deposits plus the pools, all credit-normal with a floor of zero; some deposits with a ceiling. Only accounts
    /// that take manual entries: a city's payables change only through their own operations (separation of duties).
    /// </summary>
    private async Task<BankUniverse> SetUpAsync()
    {
        using var finance = fund.Finance();
        var cities = new List<string>();
        for (var i = 0; i < Cities; i++)
        {
            cities.Add(await fund.NewCityAsync($"bank{i}"));
        }

        var universe = new List<string> { "fund:third-party" };
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
        _lapsing = await ReserveUndecidedAsync(finance, "fund:third-party", universe[1]);
        return new BankUniverse(universe, cities, await ProposeAllAsync(cities), await CallContributionsAsync(finance, cities));
    }

    private async Task SubmitAsync(Random random, BankUniverse universe, BankHistory history)
    {
        using var finance = fund.Finance();
        using var alice = fund.Coordinator("alice");
        using var bob = fund.Coordinator("bob");
        for (var i = 0; i < OperationsEach; i++)
        {
            var key = $"bank-{Guid.NewGuid():N}";
            var roll = random.Next(100);
            var coordinator = random.Next(2) == 0 ? alice : bob;
            var accounts = universe.Accounts;
            var task = roll switch
            {
                < 16 => TransferAsync(finance, random, accounts, history, key),
                < 20 => BatchAsync(finance, random, accounts, history, key),
                < 26 => ReverseAsync(finance, random, history, key),
                < 36 => ReserveAsync(finance, random, accounts, history, key),
                < 43 => DecideAsync(finance, random, history, key, post: true),
                < 48 => DecideAsync(finance, random, history, key, post: false),
                < 58 => ApproveAsync(coordinator, random, universe, history, key),
                < 64 => DisburseAsync(finance, random, universe, history, key),
                < 70 => ClawBackAsync(coordinator, random, universe, history, key),
                < 75 => ReleaseAsync(coordinator, random, universe, history, key),
                < 84 => ImportAsync(finance, random, universe, history, key),
                < 91 => PayBackDatedAsync(finance, random, universe, history, key),
                < 94 => AssessPenaltiesAsync(finance, random, history, key),
                _ => ReadAsync(finance, accounts, history),
            };
            await task;
        }
    }
}
