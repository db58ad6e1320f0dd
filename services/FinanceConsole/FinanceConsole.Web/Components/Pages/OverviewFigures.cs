using FinanceConsole.Web.Components.Shared;
using FinanceConsole.Web.Gateway;
using FinanceConsole.Web.Localization;

namespace FinanceConsole.Web.Components.Pages;

public sealed record CityFigures(string CityId, decimal Receivable, decimal Arrears);

/// <summary>
/// What the overview shows, read from the fund's public API: balances now and at the end of each of the last
/// <see cref="Days"/> days (<c>GET /accounts/{id}?asOf=</c>), what each city owes and how much of it is overdue, the
/// compensation approved and not yet paid, and settlement positions due within seven days.
/// </summary>
public sealed record OverviewFigures(
    decimal Pool, decimal ThirdParty, decimal Bank, decimal CompensationPayable, IReadOnlyList<CityFigures> Cities,
    IReadOnlyList<(Settlement Settlement, Position Position)> DueThisWeek, IReadOnlyList<DateOnly> Dates, IReadOnlyList<ChartSeries> Series)
{
    public const int Days = 7;

    public static async Task<(OverviewFigures? Figures, string? Problem)> LoadAsync(PlatformApi api, Texts texts)
    {
        var accounts = await api.GetAsync<Page<Account>>("/api/fund/accounts?pageSize=200");
        var obligations = await api.GetAsync<Page<Obligation>>("/api/fund/obligations?pageSize=200");
        var settlements = await api.GetAsync<Page<Settlement>>("/api/fund/settlements?pageSize=200");
        if (!accounts.Ok || !obligations.Ok || !settlements.Ok)
        {
            return (null, accounts.Problem ?? obligations.Problem ?? settlements.Problem);
        }

        var all = accounts.Value!.Items;
        decimal Balance(string id) => all.FirstOrDefault(a => a.Id == id)?.Balance ?? 0;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var dates = Enumerable.Range(0, Days).Select(d => today.AddDays(d - Days + 1)).ToList();
        var pool = await HistoryAsync(api, "fund:pool", dates);
        var bank = await HistoryAsync(api, "fund:bank", dates);

        var cities = all.Where(a => a.Id.StartsWith("city:", StringComparison.Ordinal) && a.Id.EndsWith("-receivable", StringComparison.Ordinal))
            .GroupBy(a => a.Id.Split(':')[1])
            .Select(g => new CityFigures(
                g.Key,
                g.Sum(a => a.Balance),
                obligations.Value!.Items.Where(o => o.CityId == g.Key && o.DaysOverdue > 0).Sum(o => o.Outstanding)
                + settlements.Value!.Items.SelectMany(s => s.Positions).Where(p => p.CityId == g.Key && p.Direction == "pay-in" && p.Outstanding > 0 && p.DueDate < today).Sum(p => p.Outstanding)))
            .Where(c => c.Receivable != 0 || c.Arrears != 0)
            .OrderBy(c => c.CityId, StringComparer.Ordinal)
            .ToList();
        var dueThisWeek = settlements.Value!.Items
            .SelectMany(s => s.Positions.Select(p => (Settlement: s, Position: p)))
            .Where(x => x.Position.Outstanding > 0 && x.Position.DueDate >= today && x.Position.DueDate <= today.AddDays(7))
            .OrderBy(x => x.Position.DueDate)
            .ToList();
        var thirdParty = all.Where(a => a.Id == "fund:third-party" || a.Id.StartsWith("fund:third-party:", StringComparison.Ordinal)).Sum(a => a.Balance);
        var compensationPayable = all.Where(a => a.Id.EndsWith(":compensation-payable", StringComparison.Ordinal)).Sum(a => a.Balance);
        return (new OverviewFigures(
            Balance("fund:pool"), thirdParty, Balance("fund:bank"), compensationPayable, cities, dueThisWeek, dates,
            [new ChartSeries(texts["overview.pool"], pool), new ChartSeries(texts["overview.bank"], bank)]), null);
    }

    private static async Task<IReadOnlyList<decimal>> HistoryAsync(PlatformApi api, string account, IReadOnlyList<DateOnly> dates)
    {
        var readings = await Task.WhenAll(dates.Select(d => api.GetAsync<BalanceAsOf>($"/api/fund/accounts/{Uri.EscapeDataString(account)}?asOf={PlatformApi.Date(d)}")));
        return [.. readings.Select(r => r.Value?.Balance ?? 0)];
    }
}
