using CompensationFund.Api.Domain.Members;
using CompensationFund.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.CostSharing;
using Platform.Contracts.Evaluation;
using Platform.Contracts.Trust;
using Platform.Testing;

namespace CompensationFund.Tests.Integration;

/// <summary>
/// Two replicas of the fund in one consumer group apply member, tier and evaluation events at once, from three topics
/// (so from different partitions and replicas); each of them changes the same member record. Nothing is lost: the
/// record is versioned and a conflict is retried with a fresh load (docs/messaging.md).
/// </summary>
public sealed class TwoReplicaTests : IAsyncLifetime, IDisposable
{
    private const int Cities = 6;
    private const int Rounds = 6;
    private static readonly string[] Tiers = ["A", "B", "C", "M", "B", "A"];
    private static readonly string[] Grades = ["优", "良", "中", "差", "良", "优"];
    private readonly FundFixture _fund = new();
    private ServiceFactory<Program> _second = null!;

    public async Task InitializeAsync()
    {
        await _fund.InitializeAsync();
        _second = new ServiceFactory<Program>(_fund.Service.ConnectionString, _fund.Infrastructure.Broker.BootstrapServers, _fund.Service.TopicNamespace);
        foreach (var (key, value) in _fund.Service.Settings)
        {
            _second.Settings[key] = value;
        }

        _second.Start();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _fund.DisposeAsync();
    }

    public void Dispose() => _second.Dispose();

    [Fact]
    public async Task InterleavedMemberTierAndEvaluationEventsLoseNothing()
    {
        var cities = Enumerable.Range(0, Cities).Select(i => $"twin-{i}-{Guid.NewGuid():N}"[..20]).ToList();
        await _fund.JoinAsync([.. cities]);
        var start = DateTimeOffset.UtcNow;
        var roundIds = new List<Guid>();

        for (var step = 0; step < Rounds; step++)
        {
            var at = start.AddMinutes(step + 1);
            var round = new EvaluationPublished(
                Guid.NewGuid(), "participant", null, $"2026-R{step}", true, "CNY",
                [.. cities.Select(c => new CityEvaluationResult(c, 70m, Grades[step], null, null))], at);
            roundIds.Add(round.RoundId);
            await Task.WhenAll(cities.Select(async c =>
            {
                await _fund.PublishAsync(Topics.CostSharing, c, new MemberUpdated(c, $"{c} v{step + 2}", "浙江省", 1_000 + step, 1m, new MemberContact("x", "x@example.cn", null), step + 2, at));
                await _fund.PublishAsync(Topics.TrustScore, c, new TrustTierChanged(c, "M", Tiers[step], 0.5, 0.1, false, at));
            }));
            await _fund.PublishAsync(Topics.Evaluation, round.RoundId.ToString(), round);
        }

        List<FundMember> members;
        try
        {
            members = await Eventually.Until(
                () => MembersAsync(cities),
                m => m.All(x => x.Version == Rounds + 1 && x.TierChangedAt == start.AddMinutes(Rounds) && x.GradeRoundId == roundIds[^1]),
                TimeSpan.FromSeconds(90),
                "every event to be applied by one replica or the other");
        }
        catch (TimeoutException timeout)
        {
            // Which member misses which event, and whether a replica parked one: the difference between slow and lost.
            var state = string.Join("; ", (await MembersAsync(cities)).Select(m =>
                $"{m.CityId}: version {m.Version}/{Rounds + 1}, tier at {m.TierChangedAt:HH:mm}/{start.AddMinutes(Rounds):HH:mm}, grade round {roundIds.IndexOf(m.GradeRoundId ?? Guid.Empty)}/{Rounds - 1}"));
            var parked = await _fund.ScalarAsync<long>("select count(*) from compensation_fund.platform_parked");
            throw new TimeoutException($"{timeout.Message}. Members: {state}. Parked messages: {parked}.", timeout);
        }

        Assert.All(members, m =>
        {
            Assert.Equal($"{m.CityId} v{Rounds + 1}", m.Name);
            Assert.Equal(Tiers[^1], m.TrustTier);
            Assert.Equal(Grades[^1], m.LatestGrade);
            Assert.NotNull(m.JoinedAt);
        });
        Assert.Equal(0L, await _fund.ScalarAsync<long>("select count(*) from compensation_fund.platform_parked"));
    }

    private async Task<List<FundMember>> MembersAsync(List<string> cities)
    {
        await using var session = _second.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. await session.LoadManyAsync<FundMember>(cities)];
    }
}
