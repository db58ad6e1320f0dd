using System.Text.Json;
using Platform.DemoSeeder;
using Xunit;

namespace Platform.EndToEndTests.Story;

/// <summary>What each service shows after each step of the story.</summary>
public sealed partial class DemoStoryTests
{
    private static async Task MembersShowAsync(StoryReads reads, DemoRegion region)
    {
        var members = StoryReads.Items(await reads.AsAuditorAsync("/api/cost-sharing/members?pageSize=200")).Select(m => m.GetProperty("cityId").GetString()).ToList();
        Assert.Equal(region.Members.Select(m => m.CityId).Order(), members.Order());
        var agreement = await reads.AsCoordinatorAsync($"/api/cost-sharing/agreements/{region.Agreement.Id}");
        Assert.Equal(6, agreement.GetProperty("active").GetProperty("members").GetArrayLength());
        foreach (var member in region.Members)
        {
            // A city reads its own accounts, opened empty when it joined.
            var accounts = await reads.AsCityAsync(member.CityId, $"/api/fund/members/{member.CityId}/accounts");
            Assert.All(accounts.GetProperty("accounts").EnumerateArray(), a => Assert.Equal(0m, StoryReads.Balance(a)));
            Assert.Equal("M", (await reads.AsCityAsync(member.CityId, $"/api/trust/scores/{member.CityId}")).GetProperty("tier").GetString());
        }
    }

    private static async Task ContributionsShowAsync(StoryReads reads, DemoRegion region)
    {
        var call = await reads.AsFinanceAsync($"/api/fund/contribution-calls/{region.Fund.ContributionCall.Period}");
        var shares = call.GetProperty("shares").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetDecimal());
        Assert.Equal(region.Fund.ContributionCall.Total, shares.Values.Sum());
        Assert.True(shares["hangzhou"] > shares["jiaxing"] && shares["jiaxing"] > shares["huangshan"], "shares follow the population");

        var obligations = StoryReads.Items(await reads.AsFinanceAsync("/api/fund/obligations?pageSize=200")).ToList();
        Assert.All(obligations.Where(o => o.GetProperty("kind").GetString() == "contribution"), o => Assert.Equal(0m, o.GetProperty("outstanding").GetDecimal()));
        var penalty = Assert.Single(obligations, o => o.GetProperty("kind").GetString() == "penalty");
        var late = region.Fund.LateCityId;
        Assert.Equal(late, penalty.GetProperty("cityId").GetString());

        // Rule v1: 0.05 % of the overdue amount a day, rounded down to the fen, charged up to yesterday while the city had paid nothing.
        var days = region.Fund.ContributionCall.DueDaysAgo - 1;
        Assert.Equal(decimal.Floor(shares[late] * 0.0005m * days * 100m) / 100m, penalty.GetProperty("amount").GetDecimal());
        Assert.Equal(penalty.GetProperty("amount").GetDecimal(), penalty.GetProperty("outstanding").GetDecimal());

        // Contributions reach the pool when received: all six, before any compensation is proposed.
        Assert.Equal(region.Fund.ContributionCall.Total, StoryReads.Balance(await reads.AsAuditorAsync("/api/fund/accounts/fund:pool")));
        var deposits = StoryReads.Items(await reads.AsFinanceAsync("/api/fund/third-party-deposits?pageSize=200")).ToList();
        var earmarked = Assert.Single(deposits, d => d.GetProperty("purpose").GetString() == "flood-relief");
        Assert.StartsWith("fund:third-party:", earmarked.GetProperty("account").GetString());
        Assert.Equal(800_000m, StoryReads.Balance(await reads.AsAuditorAsync($"/api/fund/accounts/{earmarked.GetProperty("account").GetString()}")));
        Assert.Equal(300_000m, StoryReads.Balance(await reads.AsAuditorAsync("/api/fund/accounts/fund:third-party")));
    }

    private static async Task BaseDataShowsAsync(StoryReads reads, DemoRegion region)
    {
        var reach = await reads.AsCityAsync("quzhou", "/api/communication/exposure-graph/reach/quzhou/natural-disaster");
        Assert.Equal(["hangzhou", "huzhou"], reach.GetProperty("reached").EnumerateArray().Select(c => c.GetString()));
        var view = await reads.AsCoordinatorAsync("/api/communication/region-view");
        Assert.Equal(region.Communication.Snapshots.Select(s => s.CityId).Order(), view.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("cityId").GetString()).Order());

        // Another city sees Hangzhou's totals, never its districts.
        var seen = await reads.AsCityAsync("huzhou", "/api/communication/capacity/hangzhou");
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("districts").ValueKind);
        Assert.Equal(1_229_000L, seen.GetProperty("totalPopulation").GetInt64());
    }

    private static async Task WarningShowsAsync(StoryReads reads, DemoRegion region, StoryState state)
    {
        Assert.Equal(["hangzhou", "huzhou"], state.ReachedCityIds.Order());
        var duties = (await reads.AsCoordinatorAsync($"/api/communication/warnings/{state.WarningId}/acknowledgements")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("cityId").GetString()!, d => d.GetProperty("outcome").GetString());
        Assert.Equal("on-time", duties[region.Communication.OnTimeCityId]);
        Assert.Equal("late", duties[region.Communication.LateCityId]);

        var incident = await reads.AsCoordinatorAsync($"/api/cost-sharing/incidents/{state.IncidentId}");
        var sides = incident.GetProperty("participants").EnumerateArray().ToDictionary(p => p.GetProperty("cityId").GetString()!, p => p.GetProperty("side").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["quzhou"] = "origin", ["hangzhou"] = "affected", ["huzhou"] = "affected" }, sides);
        Assert.Contains(state.WarningId.ToString(), incident.GetProperty("description").GetString());

        // Trust-score weighs the acknowledgements: on time fully, late slightly less.
        var late = await Eventually(
            () => reads.AsCoordinatorAsync($"/api/trust/commitments/warning-acknowledgement:{state.WarningId}:{region.Communication.LateCityId}"),
            c => c.GetProperty("status").GetString() != "open", "trust-score to record the late acknowledgement");
        Assert.Equal("fulfilled-late", late.GetProperty("status").GetString());
        Assert.InRange(late.GetProperty("fulfilment").GetDouble(), 0.9, 1.0);
    }

    private static async Task AllocationShowsAsync(StoryReads reads, DemoRegion region, StoryState state)
    {
        var allocation = await reads.AsCoordinatorAsync($"/api/cost-sharing/allocations/{state.AllocationId}");
        var lines = allocation.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("cityId").GetString()!);
        var claimed = region.Incident.Claims.ToDictionary(c => c.CityId, c => c.Filing.Lines.Sum(l => l.Amount) - c.Filing.Insurance - c.Filing.Subsidies);
        var hangzhou = region.Incident.Claims.Single(c => c.CityId == "hangzhou").Decision.ApprovedAmount!.Value;
        var aid = region.Communication.Aid.Claim.Lines.Sum(l => l.Amount);

        // The aid the provider claimed counts as the requester's spend (the requester reimburses it).
        Assert.Equal(hangzhou + aid, lines["hangzhou"].GetProperty("approvedSpend").GetDecimal());
        Assert.Equal(claimed["quzhou"] + hangzhou + claimed["huzhou"] + aid, allocation.GetProperty("netEligibleCost").GetDecimal());
        Assert.Equal(0m, lines.Values.Sum(l => l.GetProperty("netPosition").GetDecimal()));
        Assert.True(lines["quzhou"].GetProperty("netPosition").GetDecimal() > 0 && lines["huzhou"].GetProperty("netPosition").GetDecimal() > 0, "the origin and Huzhou pay in");
        Assert.True(lines["hangzhou"].GetProperty("netPosition").GetDecimal() < 0, "Hangzhou is paid out");
        Assert.Equal(decimal.Round(0.6m * allocation.GetProperty("netEligibleCost").GetDecimal(), 2), lines["quzhou"].GetProperty("fairShare").GetDecimal());
    }
}
