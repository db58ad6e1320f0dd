using Platform.DemoSeeder;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Story;

/// <summary>
/// The demo region's story (tools/Platform.DemoSeeder, the seeder's own steps) played through the gateway on a platform of
/// its own, asserting after each step what every service shows, and ending with the books: reconciliation clean, trial
/// balance zero, every statement line explained, every commitment named in its city's trust explanation, the evaluation's
/// money traced to its ledger entries. A second run changes nothing.
/// </summary>
[Collection(StoryCollection.Name)]
public sealed partial class DemoStoryTests(StoryPlatform platform, ITestOutputHelper output)
{
    private readonly CancellationToken none = CancellationToken.None;

    [Fact]
    public async Task TheDemoStoryPlaysThroughEveryServiceAndTheBooksBalance()
    {
        var region = await DemoRegion.LoadAsync(DemoRegion.DefaultPath);
        using var http = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        var log = new StringWriter();
        var story = new DemoStory(new GatewayApi(http, GatewayRetry.Create(log)), region, log, TimeProvider.System);
        using var reads = new StoryReads(platform, region);
        try
        {
            await story.MembersAsync(none);
            await MembersShowAsync(reads, region);
            await story.ContributionsAsync(none);
            await ContributionsShowAsync(reads, region);
            await story.BaseDataAsync(none);
            await BaseDataShowsAsync(reads, region);
            await story.WarningAsync(none);
            await WarningShowsAsync(reads, region, story.State);
            await story.IncidentAsync(none);
            await AllocationShowsAsync(reads, region, story.State);
            await story.SettlementAsync(none);
            await story.CompensationAsync(none);
            await SettlementAndCompensationShowAsync(reads, region, story.State);
            await story.EvaluationAsync(none);
            await EvaluationMoneyIsTracedAsync(reads, story.State);

            await BooksBalanceAsync(reads, region);
            await TrustExplainsEveryCommitmentAsync(reads, region, story.State);
            await ASecondRunChangesNothingAsync(reads, region, http);
        }
        catch
        {
            await DescribeTheServicesAsync(reads);
            throw;
        }
        finally
        {
            output.WriteLine(log.ToString());
        }
    }

    /// <summary>On a failure, what the services hold back and what they warned about: the parked messages of each, and their recent output.</summary>
    private async Task DescribeTheServicesAsync(StoryReads reads)
    {
        foreach (var (name, prefix) in new[] { ("trust-score", "trust"), ("compensation-fund", "fund"), ("evaluation", "evaluation") })
        {
            try
            {
                output.WriteLine($"{name} parked: {await reads.AsCoordinatorAsync($"/api/{prefix}/admin/parked")}");
            }
            catch (Exception ex)
            {
                output.WriteLine($"{name} parked: unreadable ({ex.Message})");
            }

            output.WriteLine($"{name} output:\n{platform.OutputOf(name)}");
        }
    }

    private async Task ASecondRunChangesNothingAsync(StoryReads reads, DemoRegion region, HttpClient http)
    {
        var before = await BooksAsync(reads, region);
        var again = new DemoStory(new GatewayApi(http, GatewayRetry.Create(TextWriter.Null)), region, TextWriter.Null, TimeProvider.System);
        await again.RunAsync(none);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(before, await BooksAsync(reads, region));
    }

    /// <summary>What a repeated story would change if it acted twice: members, incidents, warnings, proposals, the trial balance's totals and every statement's length.</summary>
    private static async Task<string> BooksAsync(StoryReads reads, DemoRegion region)
    {
        var trial = await reads.AsFinanceAsync("/api/fund/reports/trial-balance");
        var counts = new List<object>
        {
            (await reads.AsCoordinatorAsync("/api/cost-sharing/members?pageSize=200")).GetProperty("total").GetInt64(),
            (await reads.AsCoordinatorAsync("/api/cost-sharing/incidents?pageSize=200")).GetProperty("total").GetInt64(),
            (await reads.AsCoordinatorAsync("/api/communication/warnings?pageSize=200")).GetProperty("total").GetInt64(),
            (await reads.AsFinanceAsync("/api/fund/compensation?pageSize=200")).GetProperty("total").GetInt64(),
            (await reads.AsFinanceAsync("/api/fund/third-party-deposits?pageSize=200")).GetProperty("total").GetInt64(),
            trial.GetProperty("totalDebits").GetDecimal(),
        };
        foreach (var member in region.Members)
        {
            counts.Add(StoryReads.Lines(await reads.AsCityAsync(member.CityId, $"/api/fund/members/{member.CityId}/statement")).Count());
        }

        return string.Join(", ", counts);
    }

    /// <summary>The story's wait for an outcome crossing Kafka: 30 s unless a step says otherwise.</summary>
    private static Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, string because, TimeSpan? timeout = null) =>
        Platform.Testing.Eventually.Until(probe, done, timeout ?? TimeSpan.FromSeconds(30), because);
}
