using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Platform.Contracts;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests.Flows;

/// <summary>
/// Trust through the gateway with real events: cost-sharing's allocation gives the paying city a settlement
/// commitment, the fund's payment fulfils it, an overdue one defaults (trust-score's clock runs ahead, see
/// <see cref="PlatformProcesses"/>) and the fund raises the city's deposit, an upheld appeal restores it all.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TrustFlowTests(PlatformFixture platform)
{
    [Fact]
    public async Task AnAllocationCreatesAPaymentCommitmentThatAnOnTimePaymentFulfilsRaisingTheScoreAndADuplicateChangesNothing()
    {
        var scenario = new TrustScenario(platform, "hangzhou", "jiaxing");
        var allocationId = await scenario.FinalizeAsync(dueDays: 15);
        using var origin = await platform.ClientAsync("city-hangzhou");
        using var affected = await platform.ClientAsync("city-jiaxing");
        using var finance = await platform.ClientAsync("finance");

        var settlement = await CommitmentAsync(origin, "hangzhou", allocationId, c => c.GetProperty("status").GetString() == "open");
        Assert.Equal(500.00m, settlement.GetProperty("amount").GetDecimal());
        await CommitmentAsync(origin, "hangzhou", Guid.Empty, c => c.GetProperty("kind").GetString() == "origin-report" && c.GetProperty("status").GetString() == "fulfilled-on-time");
        var affectedCommitments = await affected.GetFromJsonAsync<JsonElement>("/api/trust/cities/jiaxing/commitments");
        Assert.DoesNotContain(affectedCommitments.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString()!.Contains(allocationId.ToString(), StringComparison.Ordinal));
        var before = await ScoreAsync(origin, "hangzhou");

        await TrustScenario.Expect(HttpStatusCode.Created, finance.PostIdempotentAsync($"/api/fund/settlements/{allocationId}/payments", new { cityId = "hangzhou", amount = 500.00m }));
        var fulfilled = await CommitmentAsync(origin, "hangzhou", allocationId, c => c.GetProperty("status").GetString() == "fulfilled-on-time");
        var after = await Eventually.Until(() => ScoreAsync(origin, "hangzhou"), s => s.GetProperty("r").GetDouble() > before.GetProperty("r").GetDouble(), because: "the score to take the payment");

        Assert.Equal(1.0, fulfilled.GetProperty("fulfilment").GetDouble());
        Assert.True(after.GetProperty("score").GetDouble() > before.GetProperty("score").GetDouble());

        // The fund's settlement-paid delivered again, as Kafka may: once with its own message id, once republished under a new one.
        ReplaySettlementPaid(allocationId, "hangzhou");
        await Task.Delay(TimeSpan.FromSeconds(4));
        var again = await CommitmentAsync(origin, "hangzhou", allocationId, _ => true);
        Assert.Equal(500.00m, again.GetProperty("paid").GetDecimal());
        Assert.Equal(fulfilled.GetProperty("evidence").GetArrayLength(), again.GetProperty("evidence").GetArrayLength());
        Assert.Equal(after.GetProperty("r").GetDouble(), (await ScoreAsync(origin, "hangzhou")).GetProperty("r").GetDouble());
    }

    [Fact]
    public async Task AnOverdueSettlementDefaultsForcesTierDRaisesTheFundsDepositAndAnUpheldAppealRestoresBoth()
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        using var huzhou = await platform.ClientAsync("city-huzhou");
        var scenario = new TrustScenario(platform, "huzhou", "xuancheng");
        await scenario.RegisterAsync();
        var depositBefore = await DepositAsync(coordinator, "huzhou", d => true);

        var allocationId = await scenario.FinalizeAsync(dueDays: 0);
        var defaulted = await CommitmentAsync(huzhou, "huzhou", allocationId, c => c.GetProperty("status").GetString() == "defaulted");
        var score = await Eventually.Until(() => ScoreAsync(huzhou, "huzhou"), s => s.GetProperty("tier").GetString() == "D", because: "the default to force tier D");
        var deposit = await DepositAsync(coordinator, "huzhou", d => d.GetProperty("tier").GetString() == "D");

        Assert.True(score.GetProperty("severeDefault").GetBoolean());
        Assert.True(deposit.GetProperty("required").GetDecimal() > depositBefore.GetProperty("required").GetDecimal());

        var appeal = await TrustScenario.Expect(HttpStatusCode.Created, huzhou.PostAsJsonAsync("/api/trust/appeals", new
        {
            evidenceKind = "commitment", evidenceId = defaulted.GetProperty("id").GetString(), grounds = "The clearing account rejected our transfer; bank receipt attached.",
        }));
        await TrustScenario.Expect(HttpStatusCode.OK, coordinator.PostAsJsonAsync($"/api/trust/appeals/{appeal.GetProperty("id").GetString()}/decision", new { upheld = true, reason = "Bank error confirmed." }));

        var restored = await ScoreAsync(huzhou, "huzhou");
        Assert.NotEqual("D", restored.GetProperty("tier").GetString());
        Assert.False(restored.GetProperty("severeDefault").GetBoolean());
        var depositAfter = await DepositAsync(coordinator, "huzhou", d => d.GetProperty("tier").GetString() != "D");
        Assert.Equal(depositBefore.GetProperty("required").GetDecimal(), depositAfter.GetProperty("required").GetDecimal());
    }

    [Fact]
    public async Task ACityCannotSeeWhoReportedItButTheCoordinatorCan()
    {
        using var reporter = await platform.ClientAsync("city-huangshan");
        using var subject = await platform.ClientAsync("city-xuancheng");
        using var coordinator = await platform.ClientAsync("coordinator");
        await new TrustScenario(platform, "huangshan", "xuancheng").FinalizeAsync(dueDays: 15);

        await TrustScenario.Expect(HttpStatusCode.Created, reporter.PostAsJsonAsync("/api/trust/peer-reports", new { subjectCityId = "xuancheng", fulfilment = 0.2, comment = "Shared gauge data a day late." }));
        var refused = await reporter.PostAsJsonAsync("/api/trust/peer-reports", new { subjectCityId = "huangshan", fulfilment = 1, comment = "We are great." });

        var seen = await subject.GetFromJsonAsync<JsonElement>("/api/trust/cities/xuancheng/supervision");
        var explained = await subject.GetFromJsonAsync<JsonElement>("/api/trust/scores/xuancheng/explanation");
        var seenByCoordinator = await coordinator.GetFromJsonAsync<JsonElement>("/api/trust/cities/xuancheng/supervision");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.All(seen.GetProperty("peerReports").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("reporter").ValueKind));
        Assert.DoesNotContain("huangshan", seen.GetProperty("peerReports").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"huangshan\"", explained.GetProperty("items").ToString(), StringComparison.Ordinal);
        Assert.Contains(seenByCoordinator.GetProperty("peerReports").EnumerateArray(), r => r.GetProperty("reporter").GetString() == "huangshan");
        Assert.Equal(HttpStatusCode.NotFound, (await subject.GetAsync("/api/trust/cities/huangshan/supervision")).StatusCode);
    }

    private void ReplaySettlementPaid(Guid allocationId, string city)
    {
        var topic = $"{platform.TopicNamespace}.{Topics.CompensationFund}";
        var original = TopicReader.ReadAll(platform.BootstrapServers, topic, TimeSpan.FromSeconds(1))
            .Single(m => m.Message.Key == city && Header(m.Message.Headers, "message-type") == "compensation-fund.settlement-paid"
                && Encoding.UTF8.GetString(m.Message.Value).Contains(allocationId.ToString(), StringComparison.Ordinal));
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = platform.BootstrapServers, EnableIdempotence = true, Acks = Acks.All }).Build();
        foreach (var messageId in new[] { Header(original.Message.Headers, "message-id"), Guid.NewGuid().ToString() })
        {
            var headers = new Headers();
            foreach (var header in original.Message.Headers)
            {
                headers.Add(header.Key, header.Key == "message-id" ? Encoding.UTF8.GetBytes(messageId!) : header.GetValueBytes());
            }

            producer.Produce(topic, new Message<string, byte[]> { Key = city, Value = original.Message.Value, Headers = headers });
        }

        producer.Flush(TimeSpan.FromSeconds(10));
    }

    private static string? Header(Headers headers, string name) => headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    private static Task<JsonElement> ScoreAsync(HttpClient client, string city) => client.GetFromJsonAsync<JsonElement>($"/api/trust/scores/{city}");

    private static Task<JsonElement> DepositAsync(HttpClient client, string city, Func<JsonElement, bool> done) => Eventually.Until(
        async () =>
        {
            using var response = await client.GetAsync($"/api/fund/members/{city}/deposit");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        },
        d => d.ValueKind == JsonValueKind.Object && done(d), timeout: TimeSpan.FromSeconds(60), because: $"{city}'s deposit");

    /// <summary>The city's commitment for the allocation (or, with <see cref="Guid.Empty"/>, any) once it satisfies <paramref name="done"/>.</summary>
    private static Task<JsonElement> CommitmentAsync(HttpClient client, string city, Guid allocationId, Func<JsonElement, bool> done) => Eventually.Until(
        async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/trust/cities/{city}/commitments?pageSize=200");
            return page.GetProperty("items").EnumerateArray()
                .FirstOrDefault(c => (allocationId == Guid.Empty || c.GetProperty("id").GetString() == $"settlement:{allocationId}:{city}") && done(c));
        },
        c => c.ValueKind == JsonValueKind.Object, timeout: TimeSpan.FromSeconds(60), because: $"{city}'s commitment");
}
