using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.LocalPostgres;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>
/// PostgreSQL restarted under a client: while it is down a write answers 503 with <c>Retry-After</c> at once (not a
/// hang, not a 500), and the client retrying with the same <c>Idempotency-Key</c> gets it applied exactly once when
/// the database is back. Uses a PostgreSQL of its own: stopping the shared one would disturb the other test classes.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-pg-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalPostgresServer _postgres = null!;
    private ProbeHost _probe = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var infra = await TestInfrastructure.GetAsync();
        // Durable, as a real server is: the outage is an immediate stop, and without fsync and synchronous commit the
        // schema the service created moments before could be lost with it.
        _postgres = await LocalPostgresServer.StartAsync(_root, durable: true);
        await _postgres.CreateDatabaseAsync("outage");
        _probe = await ProbeHost.StartAsync(_postgres.ConnectionString("outage"), infra.Broker.BootstrapServers, infra.CreateTopicNamespace());
        _client = new HttpClient { BaseAddress = _probe.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _postgres.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task AWriteDuringTheOutageIs503WithRetryAfterAndItsRetryAppliesOnceAfterwards()
    {
        var port = _postgres.Port;
        await _postgres.DisposeAsync();

        using (var during = await PostAsync("outage-key", new WidgetChanged("w-outage", 1)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
            Assert.True(during.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to come back");
            var problem = await during.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
        }

        _postgres = await LocalPostgresServer.StartAsync(_root, port, durable: true);
        var answers = new List<string>();
        var applied = await AnswersOnTimeout(answers, () => Eventually.Until(
            async () =>
            {
                var response = await PostAsync("outage-key", new WidgetChanged("w-outage", 1));
                answers.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return response;
            },
            response => response.StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(60),
            "the same request to succeed once the database is back"));
        Assert.DoesNotContain(answers, a => a.StartsWith("500", StringComparison.Ordinal));
        using var replay = await PostAsync("outage-key", new WidgetChanged("w-outage", 1));

        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.True(replay.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal([1], await _probe.AppliedAsync("w-outage"));
        Assert.Equal(1, await _probe.ScalarAsync("select count(*) from probe.platform_outbox where message_key = 'w-outage'"));
    }

    [Fact]
    public async Task KeyedRequestsOnDroppedConnectionsOrAStoppedDatabaseAre503NeverA500()
    {
        using (var created = await PostAsync("warm-key", new WidgetChanged("w-warm", 1)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // A restart as the service sees it: every connection in its pool is dead, and the next command on one fails
        // mid-batch. Before the fix the idempotency filter then unlocked its key on the broken connection, and that
        // InvalidOperationException ("Connection is not open") answered 500.
        await DropServiceConnectionsAsync();
        var afterDrop = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            afterDrop.Add(await PostAsync($"drop-{i}", new WidgetChanged($"w-drop-{i}", 1)));
            afterDrop.Add(await FinalizeAsync("w-warm", "drop-finalize"));
            afterDrop.Add(await PostAsync("warm-key", new WidgetChanged("w-warm", 1)));
        }

        Assert.All(afterDrop, a => Assert.True(
            a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable,
            $"after the connections dropped: {(int)a.StatusCode} {a.Content.ReadAsStringAsync().Result}"));

        await _postgres.DisposeAsync();
        var whileDown = new List<HttpResponseMessage>
        {
            await PostAsync("down-new", new WidgetChanged("w-down", 1)),
            await FinalizeAsync("w-warm", "down-finalize"),
            await PostAsync("warm-key", new WidgetChanged("w-warm", 1)),
        };

        foreach (var answer in whileDown)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to come back");
            Assert.Equal(503, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
    }

    private async Task DropServiceConnectionsAsync()
    {
        await using var admin = new Npgsql.NpgsqlConnection(_postgres.ConnectionString("outage") + ";Pooling=false");
        await admin.OpenAsync();
        await using var kill = new Npgsql.NpgsqlCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()", admin);
        Assert.True((long)(await kill.ExecuteScalarAsync())! > 0, "the service had connections to drop");
    }

    private Task<HttpResponseMessage> FinalizeAsync(string widgetId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/widgets/{widgetId}/finalize");
        request.Headers.Add("Idempotency-Key", key);
        return _client.SendAsync(request);
    }

    private static async Task<T> AnswersOnTimeout<T>(List<string> answers, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nanswers:\n{string.Join('\n', answers.Distinct())}", e);
        }
    }

    private Task<HttpResponseMessage> PostAsync(string key, WidgetChanged body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/widgets") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return _client.SendAsync(request);
    }
}
