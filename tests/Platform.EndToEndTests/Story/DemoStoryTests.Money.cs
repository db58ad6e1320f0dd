using System.Text.Json;
using Platform.DemoSeeder;
using Xunit;

namespace Platform.EndToEndTests.Story;

/// <summary>The money after the allocation: settlement, compensation, and the evaluation's reward and penalty.</summary>
public sealed partial class DemoStoryTests
{
    private static async Task SettlementAndCompensationShowAsync(StoryReads reads, DemoRegion region, StoryState state)
    {
        var settlement = await reads.AsFinanceAsync($"/api/fund/settlements/{state.AllocationId}");
        foreach (var position in settlement.GetProperty("positions").EnumerateArray())
        {
            var unpaid = position.GetProperty("cityId").GetString() == region.Settlement.UnpaidCityId;
            Assert.Equal(unpaid ? position.GetProperty("obligated").GetDecimal() : 0m, position.GetProperty("outstanding").GetDecimal());
        }

        // The unpaid city's settlement stays an open commitment (due in the agreement's 15 days), the paid ones are kept.
        var open = await reads.AsCoordinatorAsync($"/api/trust/commitments/settlement:{state.AllocationId}:{region.Settlement.UnpaidCityId}");
        Assert.Equal("open", open.GetProperty("status").GetString());
        await Eventually(
            () => reads.AsCoordinatorAsync($"/api/trust/commitments/settlement:{state.AllocationId}:quzhou"),
            c => c.GetProperty("status").GetString() == "fulfilled-on-time", "trust-score to see Quzhou's settlement paid");

        // Compensation for the two affected cities, covered in full by the pool, approved by two people, paid less the hold-back.
        var proposals = StoryReads.Items(await reads.AsAuditorAsync($"/api/fund/compensation?allocationId={state.AllocationId}")).ToList();
        Assert.Equal(["hangzhou", "huzhou"], proposals.Select(p => p.GetProperty("cityId").GetString()).Order());
        foreach (var p in proposals)
        {
            Assert.Equal((0m, p.GetProperty("computed").GetDecimal()), (p.GetProperty("shortfall").GetDecimal(), p.GetProperty("proposed").GetDecimal()));
            Assert.Equal("paid", p.GetProperty("status").GetString());
            Assert.Equal(region.Clients.Coordinators.Select(c => c.ClientId), p.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("by").GetString()));
            Assert.Equal(p.GetProperty("approved").GetDecimal() - p.GetProperty("holdBack").GetDecimal(), p.GetProperty("paid").GetDecimal());
            Assert.True(p.GetProperty("paid").GetDecimal() > 0);
        }

        var reserved = proposals.Sum(p => p.GetProperty("approved").GetDecimal());
        var pool = await reads.AsAuditorAsync("/api/fund/accounts/fund:pool");

        // Paid out of the pool, or still held there for the hold-back: what the pool can still promise is the rest.
        Assert.Equal(region.Fund.ContributionCall.Total - reserved, StoryReads.Balance(pool) - pool.GetProperty("pendingDebits").GetDecimal());
    }

    /// <summary>The reliable round's reward and penalty, each traced from the published result to the entry that moved the money.</summary>
    private static async Task EvaluationMoneyIsTracedAsync(StoryReads reads, StoryState state)
    {
        var results = await reads.AsCityAsync("huzhou", $"/api/evaluation/rounds/{state.RoundId}/results");
        Assert.True(results.GetProperty("reliability").GetProperty("reliable").GetBoolean());
        var subjects = results.GetProperty("subjects").EnumerateArray().ToDictionary(s => s.GetProperty("subjectId").GetString()!);
        Assert.Equal(("优", "差"), (subjects["hangzhou"].GetProperty("grade").GetString(), subjects["huzhou"].GetProperty("grade").GetString()));
        Assert.True(subjects["huzhou"].GetProperty("inflated").GetBoolean(), "Huzhou rated itself far above the panel");
        var reward = subjects["hangzhou"].GetProperty("reward").GetDecimal();
        var penalty = subjects["huzhou"].GetProperty("penalty").GetDecimal();
        Assert.True(reward > 0 && penalty > 0);

        var round = state.RoundId.ToString();
        var rewarded = await Eventually(() => reads.LinesAsync("hangzhou", "roundId", round), l => l.Count >= 2, "the fund to pay the reward");
        var charged = await Eventually(() => reads.LinesAsync("huzhou", "roundId", round), l => l.Count >= 1, "the fund to charge the penalty");
        Assert.Contains(rewarded, l => l.Account == "city:hangzhou:compensation-payable" && l.Line.GetProperty("credit").GetDecimal() == reward);
        Assert.Contains(rewarded, l => l.Account == "city:hangzhou:compensation-payable" && l.Line.GetProperty("debit").GetDecimal() == reward);
        var penaltyLine = Assert.Single(charged, l => l.Account == "city:huzhou:penalties-receivable");
        Assert.Equal(penalty, penaltyLine.Line.GetProperty("debit").GetDecimal());

        foreach (var (_, line) in rewarded.Append(penaltyLine))
        {
            var entry = await reads.AsAuditorAsync($"/api/fund/entries/{line.GetProperty("entryId").GetGuid()}");
            Assert.Equal(round, entry.GetProperty("source").GetProperty("inputs").GetProperty("roundId").GetString());
            var sides = entry.GetProperty("lines").EnumerateArray().ToLookup(l => l.GetProperty("side").GetString(), l => l.GetProperty("amount").GetDecimal());
            Assert.Equal(sides["debit"].Sum(), sides["credit"].Sum());
            Assert.Contains(entry.GetProperty("lines").EnumerateArray(), l => l.GetProperty("account").GetString() == StatementAccountOf(line, rewarded, penaltyLine));
        }

        Assert.Contains(StoryReads.Items(await reads.AsCityAsync("huzhou", "/api/fund/obligations?pageSize=200")),
            o => o.GetProperty("kind").GetString() == "penalty" && o.GetProperty("amount").GetDecimal() == penalty);
    }

    private static async Task BooksBalanceAsync(StoryReads reads, DemoRegion region)
    {
        var reconciliation = await reads.AsAuditorAsync("/api/fund/reports/reconciliation");
        Assert.True(reconciliation.GetProperty("discrepancies").GetInt32() == 0, reconciliation.ToString());
        Assert.Equal(0m, reconciliation.GetProperty("clearingBalance").GetDecimal());
        var trial = await reads.AsAuditorAsync("/api/fund/reports/trial-balance");
        Assert.True(trial.GetProperty("balanced").GetBoolean());
        Assert.Equal(trial.GetProperty("totalDebits").GetDecimal(), trial.GetProperty("totalCredits").GetDecimal());

        foreach (var member in region.Members)
        {
            var statement = await reads.AsCityAsync(member.CityId, $"/api/fund/members/{member.CityId}/statement");
            foreach (var account in statement.GetProperty("accounts").EnumerateArray())
            {
                AccountLinesExplainTheirBalance(account);
            }
        }
    }

    /// <summary>Each line says why (kind, description, and the rule, event or person behind it) and moves the balance by exactly its amounts.</summary>
    private static void AccountLinesExplainTheirBalance(JsonElement account)
    {
        var sign = account.GetProperty("normalSide").GetString() == "debit" ? 1m : -1m;
        var balance = account.GetProperty("openingBalance").GetDecimal();
        foreach (var line in account.GetProperty("lines").EnumerateArray())
        {
            var why = line.GetProperty("why");
            Assert.False(string.IsNullOrWhiteSpace(why.GetProperty("kind").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(why.GetProperty("description").GetString()));
            Assert.True(new[] { "rule", "eventType", "requestedBy" }.Any(p => why.GetProperty(p).ValueKind == JsonValueKind.String), why.ToString());
            balance += sign * (line.GetProperty("debit").GetDecimal() - line.GetProperty("credit").GetDecimal());
            Assert.Equal(balance, line.GetProperty("balance").GetDecimal());
        }

        Assert.Equal(balance, account.GetProperty("closingBalance").GetDecimal());
    }

    private static string StatementAccountOf(JsonElement line, List<(string Account, JsonElement Line)> rewarded, (string Account, JsonElement Line) penalty) =>
        rewarded.Append(penalty).First(l => l.Line.GetProperty("entryId").GetGuid() == line.GetProperty("entryId").GetGuid()).Account;
}
