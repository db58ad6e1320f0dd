using System.Text.Json;

namespace Platform.DemoSeeder;

internal sealed partial class DemoStory
{
    /// <summary>
    /// Finance calls the year's contributions by population (back-dated, due a month ago), records the punctual cities'
    /// payments dated before the due date, charges the late city the late-payment penalty up to yesterday and records its
    /// payment today; then the third-party deposits arrive, one earmarked for flood relief and one general.
    /// </summary>
    public async Task ContributionsAsync(CancellationToken cancellationToken)
    {
        var finance = await Sessions.FinanceAsync(cancellationToken);
        var call = region.Fund.ContributionCall;
        if (await gateway.FindAsync($"api/fund/contribution-calls/{call.Period}", finance, cancellationToken) is null)
        {
            await gateway.PostAsync("api/fund/contribution-calls", finance, new
            {
                period = call.Period, total = call.Total, formula = call.Formula, cities = region.Members.Select(m => m.CityId),
                calledOn = LedgerDay.DaysAgo(clock, call.CalledDaysAgo), dueDate = LedgerDay.DaysAgo(clock, call.DueDaysAgo),
            }, Key("contribution-call", call.Period), cancellationToken);
            Step($"contributions for {call.Period} called: {Yuan.Format(call.Total)} by {call.Formula}, due {LedgerDay.DaysAgo(clock, call.DueDaysAgo):yyyy-MM-dd}");
        }

        foreach (var member in region.Members.Where(m => m.CityId != region.Fund.LateCityId))
        {
            await PayContributionAsync(member.CityId, LedgerDay.DaysAgo(clock, region.Fund.OnTimePaidDaysAgo), cancellationToken);
        }

        var late = region.Fund.LateCityId;
        if (!(await ObligationsAsync(late, cancellationToken)).Any(o => o.GetProperty("kind").GetString() == "penalty"))
        {
            var assessed = await gateway.PostAsync(
                "api/fund/penalties/late-payment", finance, new { asOf = LedgerDay.DaysAgo(clock, 1) }, Key("late-penalties", call.Period, late), cancellationToken);
            Step($"late-payment penalties charged up to yesterday: {Yuan.Format(assessed.GetProperty("total").GetDecimal())}");
        }

        await PayContributionAsync(late, LedgerDay.Today(clock), cancellationToken);
        foreach (var deposit in region.Fund.Deposits)
        {
            await DepositAsync(deposit, finance, cancellationToken);
        }
    }

    /// <summary>The city's obligations (contributions, penalties), as finance sees them.</summary>
    public async Task<IReadOnlyList<JsonElement>> ObligationsAsync(string cityId, CancellationToken cancellationToken)
    {
        var page = await gateway.GetAsync($"api/fund/obligations?cityId={cityId}&pageSize=200", await Sessions.FinanceAsync(cancellationToken), cancellationToken);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task PayContributionAsync(string cityId, DateOnly receivedOn, CancellationToken cancellationToken)
    {
        var period = region.Fund.ContributionCall.Period;
        var contribution = (await ObligationsAsync(cityId, cancellationToken))
            .Single(o => o.GetProperty("kind").GetString() == "contribution" && o.GetProperty("description").GetString()!.EndsWith(period, StringComparison.Ordinal));
        if (contribution.GetProperty("paid").GetDecimal() > 0)
        {
            return;
        }

        var amount = contribution.GetProperty("outstanding").GetDecimal();
        var paid = await gateway.PostAsync("api/fund/payments", await Sessions.FinanceAsync(cancellationToken), new
        {
            cityId, amount, receivedOn, bankReference = $"DEMO-CC-{period}-{cityId}", obligationCode = contribution.GetProperty("code").GetString(),
        }, Key("contribution-payment", period, cityId), cancellationToken);
        Step($"contribution of {cityId}: {Yuan.Format(amount)} received {receivedOn:yyyy-MM-dd} ({paid.GetProperty("outcome").GetString()}), due {contribution.GetProperty("dueDate").GetString()}");
    }

    private async Task DepositAsync(DemoDeposit deposit, string finance, CancellationToken cancellationToken)
    {
        var listed = await gateway.GetAsync("api/fund/third-party-deposits?pageSize=200", finance, cancellationToken);
        var found = listed.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("donor").GetString() == deposit.Donor).ToList();
        var recorded = found.Count > 0
            ? found[0]
            : await gateway.PostAsync("api/fund/third-party-deposits", finance, new
            {
                donor = deposit.Donor, amount = deposit.Amount, purpose = deposit.Purpose, conditions = deposit.Conditions,
                receivedOn = LedgerDay.DaysAgo(clock, deposit.ReceivedDaysAgo), bankReference = deposit.BankReference,
            }, Key("deposit", deposit.BankReference), cancellationToken);
        State.DepositIds[deposit.BankReference] = recorded.GetProperty("id").GetGuid();
        Step($"third-party deposit {Yuan.Format(deposit.Amount)} from {deposit.Donor} for {deposit.Purpose} into {recorded.GetProperty("account").GetString()}"
            + (found.Count > 0 ? " (already recorded)" : string.Empty));
    }
}
