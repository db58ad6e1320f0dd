using System.Net;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Security;
using Platform.Testing;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// "The recorded order comes from the database, not the application clock" (docs/compensation-fund.md §16): a second
/// replica of the fund whose clock is hours off posts on the same account as the first, before and after it. A line's
/// <c>recordedAt</c> is PostgreSQL's clock under the account's row lock, so the statement, <c>recordedBy</c> and the hash
/// chain follow the commit order, whatever each replica's clock said.
/// </summary>
public sealed class RecordedOrderTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Skew = TimeSpan.FromHours(6);
    private readonly FundFixture _fund = new();
    private readonly SkewedClock _clock = new();
    private SkewedFund _skewed = null!;

    public async Task InitializeAsync()
    {
        await _fund.InitializeAsync();
        _skewed = new SkewedFund(_fund.Service.ConnectionString, _fund.Infrastructure.Broker.BootstrapServers, _fund.Service.TopicNamespace, _clock);
        foreach (var (key, value) in _fund.Service.Settings)
        {
            _skewed.Settings[key] = value;
        }

        // The skewed replica must still accept tokens minted by the test's true clock.
        _skewed.Settings["Auth:ClockSkewSeconds"] = ((int)(Skew.TotalSeconds * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _skewed.Start();
    }

    public async Task DisposeAsync()
    {
        await _skewed.DisposeAsync();
        await _fund.DisposeAsync();
    }

    public void Dispose() => _skewed.Dispose();

    [Fact]
    public async Task ReplicasWithClocksHoursApartRecordInCommitOrderAtTheDatabasesTime()
    {
        using var finance = _fund.Finance();
        using var skewedFinance = _skewed.ClientWithToken(TestTokens.For(PlatformRoles.Finance));
        var city = await _fund.NewCityAsync("clock");
        var account = $"city:{city}:deposits-held";
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        var databaseBefore = await DatabaseNowAsync();

        _clock.Offset = Skew;
        var ahead = await PostAsync(skewedFinance, account, 1m, day);
        var onTime = await PostAsync(finance, account, 2m, day);
        _clock.Offset = -Skew;
        var behind = await PostAsync(skewedFinance, account, 4m, day);
        var databaseAfter = await DatabaseNowAsync();

        // The application clocks were hours apart, in the order opposite to the commits'.
        var appRecorded = new[] { ahead, onTime, behind }.Select(e => e.GetProperty("recordedAt").GetDateTimeOffset()).ToList();
        Assert.True(appRecorded[0] > databaseAfter + Skew / 2 && appRecorded[2] < databaseBefore - Skew / 2, $"app clocks: {string.Join(", ", appRecorded)}");

        var ids = new[] { ahead, onTime, behind }.Select(e => e.GetProperty("entryId").GetGuid()).ToList();
        var statement = await (await finance.GetAsync($"/api/fund/members/{city}/statement?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}")).JsonAsync(HttpStatusCode.OK);
        var lines = statement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == account).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(ids, lines.Select(l => l.GetProperty("entryId").GetGuid()));
        var recorded = lines.Select(l => l.GetProperty("recordedAt").GetDateTimeOffset()).ToList();
        Assert.True(recorded[0] < recorded[1] && recorded[1] < recorded[2], $"recorded: {string.Join(", ", recorded)}");
        Assert.All(recorded, r => Assert.InRange(r, databaseBefore, databaseAfter));

        // What the books said when the middle entry was recorded holds the first two, not the one whose replica's clock was behind.
        var then = await (await finance.GetAsync($"/api/fund/accounts/{account}?asOf={day:yyyy-MM-dd}&recordedBy={Uri.EscapeDataString(recorded[1].ToString("O"))}"))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3m, then.GetProperty("balance").GetDecimal());

        // The chain seals the lines in commit order, with the database's times, and verifies.
        var report = await Eventually.Until(
            async () =>
            {
                await _fund.Get<LedgerSealer>().SealAsync(CancellationToken.None);
                return await (await finance.GetAsync("/api/fund/reports/reconciliation")).JsonAsync(HttpStatusCode.OK);
            },
            r => r.GetProperty("chain").GetProperty("unsealed").GetInt64() == 0,
            because: "every line to be sealed");
        Assert.Empty(report.GetProperty("chain").GetProperty("broken").EnumerateArray());
        var seals = await _fund.ScalarAsync<string>(
            $"select string_agg(s.seal::text, ',' order by m.position) from compensation_fund.fund_movement m join compensation_fund.fund_sealed s on s.position = m.position where m.account_id = '{account}'");
        var order = seals.Split(',').Select(long.Parse).ToList();
        Assert.Equal(order.Order(), order);
    }

    private static async Task<System.Text.Json.JsonElement> PostAsync(HttpClient client, string account, decimal amount, DateOnly day) =>
        await (await client.PostAsync("/api/fund/entries", Transfer("fund:bank", account, amount, valueDate: day))).JsonAsync(HttpStatusCode.Created);

    private Task<DateTimeOffset> DatabaseNowAsync() => _fund.ScalarAsync<DateTimeOffset>("select now()");

    /// <summary>The true time moved by <see cref="Offset"/>: a replica whose clock is wrong.</summary>
    private sealed class SkewedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    private sealed class SkewedFund(string connectionString, string bootstrapServers, string topicNamespace, SkewedClock clock)
        : ServiceFactory<Program>(connectionString, bootstrapServers, topicNamespace)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}
