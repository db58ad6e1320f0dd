using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests;

/// <summary>Idempotency-Key: a retried request replays the first response and changes nothing more.</summary>
public sealed class IdempotencyKeyTests : IAsyncLifetime, IDisposable
{
    private ProbeHost _probe = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var infra = await TestInfrastructure.GetAsync();
        var database = await infra.CreateDatabaseAsync(nameof(IdempotencyKeyTests));
        _probe = await ProbeHost.StartAsync(database, infra.Broker.BootstrapServers, infra.CreateTopicNamespace());
        _client = new HttpClient { BaseAddress = _probe.Address };
    }

    public async Task DisposeAsync() => await _probe.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task SameKeyAndBodyReplaysTheFirstResponseAndAppliesOnce()
    {
        var first = await PostAsync("key-1", new WidgetChanged("w-idem", 1));
        var second = await PostAsync("key-1", new WidgetChanged("w-idem", 1));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetGuid(),
            (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetGuid());
        Assert.True(second.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await _probe.ScalarAsync("select count(*) from probe.platform_outbox where message_key = 'w-idem'"));
    }

    [Fact]
    public async Task TheFirstAnswerIsTheRecordedOneByteForByte()
    {
        var first = await PostAsync("key-bytes", new WidgetChanged("w-bytes", 1));
        var replay = await PostAsync("key-bytes", new WidgetChanged("w-bytes", 1));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(new Uri("/widgets/w-bytes", UriKind.Relative), first.Headers.Location);
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.False(first.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(replay.Content.Headers.ContentType, first.Content.Headers.ContentType);
        Assert.Equal(await replay.Content.ReadAsByteArrayAsync(), await first.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SameKeyWithDifferentBodyIsRefusedAndChangesNothing()
    {
        await PostAsync("key-2", new WidgetChanged("w-idem-2", 1));
        var reused = await PostAsync("key-2", new WidgetChanged("w-idem-3", 1));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Empty(await _probe.AppliedAsync("w-idem-3"));
        Assert.Equal(0, await _probe.ScalarAsync("select count(*) from probe.platform_outbox where message_key = 'w-idem-3'"));
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneKeyApplyOnce()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync("key-3", new WidgetChanged("w-idem-race", 1))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await _probe.ScalarAsync("select count(*) from probe.platform_outbox where message_key = 'w-idem-race'"));
    }

    [Fact]
    public async Task ConcurrentRetriesAgainstADomainGuardAllGetTheFirstResponse()
    {
        await _probe.PublishAsync("w-guarded", 1);
        await Eventually.Until(async () => (await _probe.AppliedAsync("w-guarded")).Count == 1, because: "the widget to exist");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => FinalizeAsync("w-guarded", "key-guard")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(7, responses.Count(r => r.Headers.Contains("Idempotency-Replayed")));
        Assert.Equal(1, await _probe.ScalarAsync("select count(*) from probe.platform_outbox where message_key = 'w-guarded' and payload like '%\"sequence\":2%'"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await FinalizeAsync("w-guarded", "another-key")).StatusCode);
    }

    [Fact]
    public async Task RequestsWithoutKeyAreNotDeduplicated()
    {
        var first = await _client.PostAsJsonAsync("/widgets", new WidgetChanged("w-nokey-1", 1));
        var second = await _client.PostAsJsonAsync("/widgets", new WidgetChanged("w-nokey-2", 1));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(0, await _probe.ScalarAsync("select count(*) from probe.platform_idempotency"));
    }

    private async Task<HttpResponseMessage> FinalizeAsync(string widgetId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/widgets/{widgetId}/finalize");
        request.Headers.Add("Idempotency-Key", key);
        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostAsync(string key, WidgetChanged body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/widgets") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await _client.SendAsync(request);
    }
}
