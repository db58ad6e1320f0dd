using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests;

/// <summary>
/// The producing process dies between the commit and the publish; after a restart the event is
/// published and applied exactly once. Runs its own cost-sharing and trust-score processes.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private TestInfrastructure _infra = null!;
    private string _database = null!;
    private string _namespace = null!;
    private ServiceProcess _trust = null!;
    private ServiceProcess? _costSharing;

    public async Task InitializeAsync()
    {
        _infra = await TestInfrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("crash_recovery");
        _namespace = _infra.CreateTopicNamespace();
        _trust = PlatformProcesses.Service("trust-score", _database, _infra.Broker.BootstrapServers, _namespace);
        _trust.Start();
        await _trust.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _trust.DisposeAsync();
        if (_costSharing is not null)
        {
            await _costSharing.DisposeAsync();
        }
    }

    [Fact]
    public async Task ProcessKilledBetweenCommitAndPublishPublishesOnceAfterRestart()
    {
        var crashing = PlatformProcesses.Service("cost-sharing", _database, _infra.Broker.BootstrapServers, _namespace);
        crashing.Environment["Messaging__CrashBeforePublish"] = "true";
        crashing.Start();
        await crashing.WaitUntilReadyAsync();
        _costSharing = crashing;

        using (var client = new HttpClient { BaseAddress = crashing.BaseAddress })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Coordinator());
            try
            {
                await client.PostAsJsonAsync("/api/cost-sharing/members", new
                {
                    cityId = "chizhou", name = "池州市", province = "安徽省", population = 1_340_000, gdpCny = 112_000_000_000m,
                    contact = new { name = "Zhao Lei", email = "ops@chizhou.gov.cn" },
                });
            }
            catch (HttpRequestException)
            {
                // The process may die before the response leaves it; the commit is checked below.
            }
        }

        await crashing.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, crashing.ExitCode);
        Assert.Equal(1, await ScalarAsync("select count(*) from cost_sharing.mt_doc_membercity where id = 'chizhou'"));
        Assert.Equal(1, await ScalarAsync("select count(*) from cost_sharing.platform_outbox where message_key = 'chizhou' and published_at is null"));
        Assert.Equal(0, await ScalarAsync("select count(*) from trust_score.platform_inbox"));

        var restarted = PlatformProcesses.Service("cost-sharing", _database, _infra.Broker.BootstrapServers, _namespace);
        _costSharing = restarted;
        restarted.Start();
        await restarted.WaitUntilReadyAsync();

        await Eventually.Until(
            async () => await ScalarAsync("select count(*) from trust_score.platform_inbox") == 1,
            TimeSpan.FromSeconds(60),
            "trust-score to apply the event published after the restart");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await ScalarAsync("select count(*) from trust_score.platform_inbox"));
        Assert.Equal(1, await ScalarAsync("select count(*) from cost_sharing.platform_outbox where message_key = 'chizhou' and published_at is not null"));
        var published = TopicReader.ReadAll(_infra.Broker.BootstrapServers, $"{_namespace}.{Platform.Contracts.Topics.CostSharing}", TimeSpan.FromSeconds(1));
        Assert.Single(published, m => m.Message.Key == "chizhou");
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}
