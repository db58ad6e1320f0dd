using System.Text.Json;
using Platform.DemoSeeder;
using Xunit;

namespace Platform.EndToEndTests.Story;

/// <summary>Trust at the end of the story: every settled commitment named in its city's explanation, and scores that differ for the reasons shown.</summary>
public sealed partial class DemoStoryTests
{
    private static async Task TrustExplainsEveryCommitmentAsync(StoryReads reads, DemoRegion region, StoryState state)
    {
        var call = (await reads.AsFinanceAsync($"/api/fund/contribution-calls/{region.Fund.ContributionCall.Period}")).GetProperty("id").GetGuid();
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            // No origin-report commitment: cost-sharing publishes origin-report-recorded only for incidents it opens itself, not escalated ones.
            ["quzhou"] = [$"settlement:{state.AllocationId}:quzhou", $"evaluation:{state.RoundId}:quzhou"],
            ["hangzhou"] = [$"warning-acknowledgement:{state.WarningId}:hangzhou", $"evaluation:{state.RoundId}:hangzhou"],
            ["huzhou"] = [$"warning-acknowledgement:{state.WarningId}:huzhou", $"evaluation:{state.RoundId}:huzhou"],
        };
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var member in region.Members)
        {
            var named = expected.GetValueOrDefault(member.CityId, []).Append($"contribution:{call}:{member.CityId}").ToList();
            // Every city has paid its contribution by now; until trust-score has applied the payment the commitment counts as
            // overdue (fulfilment 0), so wait for the payment too, not only for the commitment. Longer than the story's other
            // waits: once (CI, 2026-12-03, every test project at once on two cores) one payment took more than 30 s to show.
            var explanation = await Eventually(
                () => reads.AsCityAsync(member.CityId, $"/api/trust/scores/{member.CityId}/explanation"),
                e => named.All(id => Items(e).Any(i => i.GetProperty("id").GetString() == id))
                    && Items(e).Any(i => i.GetProperty("id").GetString() == $"contribution:{call}:{member.CityId}" && i.GetProperty("fulfilment").GetDouble() > 0),
                $"{member.CityId}'s explanation to name {string.Join(", ", named)}, its contribution paid",
                TimeSpan.FromSeconds(90));

            // Every commitment the city has settled is in its explanation, each with what it added to r and s.
            var commitments = StoryReads.Items(await reads.AsCityAsync(member.CityId, $"/api/trust/cities/{member.CityId}/commitments?pageSize=200"))
                .Where(c => c.GetProperty("status").GetString() is not ("open" or "waived")).Select(c => c.GetProperty("id").GetString()).ToList();
            Assert.All(commitments, id => Assert.Contains(Items(explanation), i => i.GetProperty("id").GetString() == id));
            Assert.All(Items(explanation), i => Assert.Equal(i.GetProperty("weight").GetDouble() * i.GetProperty("discount").GetDouble() * i.GetProperty("decay").GetDouble(),
                i.GetProperty("r").GetDouble() + i.GetProperty("s").GetDouble(), 6));
            scores[member.CityId] = explanation.GetProperty("score").GetDouble();
        }

        // The late contribution counts half (a month late); Huzhou's late acknowledgement, weak grade and inflated self-assessment cost it.
        var late = await reads.AsCityAsync(region.Fund.LateCityId, $"/api/trust/scores/{region.Fund.LateCityId}/explanation");
        Assert.InRange(Items(late).Single(i => i.GetProperty("id").GetString() == $"contribution:{call}:{region.Fund.LateCityId}").GetProperty("fulfilment").GetDouble(), 0.3, 0.7);
        Assert.True(scores["hangzhou"] > scores["huzhou"], $"hangzhou {scores["hangzhou"]} > huzhou {scores["huzhou"]}");
        Assert.True(scores["jiaxing"] > scores[region.Fund.LateCityId], $"jiaxing {scores["jiaxing"]} > {region.Fund.LateCityId} {scores[region.Fund.LateCityId]}");
        Assert.True(scores.Values.Distinct().Count() >= 4, string.Join(", ", scores));
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement explanation) => explanation.GetProperty("items").EnumerateArray();
}
