using System.Net;
using CompensationFund.Tests.Support;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Periods;

/// <summary>
/// The ledger runs on its own zone's calendar (<c>Fund:TimeZone</c>, Asia/Shanghai by default), not UTC. The
/// fixture picks a zone whose date differs from UTC's at the hour the tests run — fourteen hours ahead in the UTC
/// afternoon, twelve behind in the UTC morning — so the test tells the two apart at any hour.
/// </summary>
public sealed class LedgerTimeZoneTests(LedgerTimeZoneTests.FarZoneFixture fund) : IClassFixture<LedgerTimeZoneTests.FarZoneFixture>
{
    public sealed class FarZoneFixture : FundFixture
    {
        public static readonly string ZoneId = DateTime.UtcNow.Hour >= 12 ? "Etc/GMT-14" : "Etc/GMT+12";

        public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(ZoneId)).DateTime);

        protected override void Configure(Dictionary<string, string?> settings) => settings["Fund:TimeZone"] = ZoneId;
    }

    [Fact]
    public async Task AnEntryIsDatedTodayInTheLedgersZoneAndItsTodayIsNotTheFuture()
    {
        using var finance = fund.Finance();
        var today = FarZoneFixture.Today;

        var dated = await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 10m))).JsonAsync(HttpStatusCode.Created);
        var explicitToday = await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 10m, valueDate: today));
        var tomorrow = await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 10m, valueDate: today.AddDays(1)));

        Assert.Equal(today, DateOnly.Parse(dated.GetProperty("valueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Created, explicitToday.StatusCode);
        Assert.False(tomorrow.IsSuccessStatusCode);
    }

    [Fact]
    public async Task DaysOverdueAreCountedOnTheLedgersCalendar()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync("tz");
        var due = FarZoneFixture.Today.AddDays(-3);
        var period = "p" + Guid.NewGuid().ToString("N")[..8];
        await (await finance.PostAsync("/api/fund/contribution-calls", new { period, total = 100m, dueDate = due, calledOn = due.AddDays(-2), formula = "fixed-ratios", ratios = new Dictionary<string, decimal> { [city] = 1 } }))
            .JsonAsync(HttpStatusCode.Created);

        var arrears = await (await finance.GetAsync($"/api/fund/obligations?cityId={city}&overdue=true")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, Assert.Single(arrears.GetProperty("items").EnumerateArray()).GetProperty("daysOverdue").GetInt32());
    }
}
