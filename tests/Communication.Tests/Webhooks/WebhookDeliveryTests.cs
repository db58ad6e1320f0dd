using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Communication.Api.Domain.Webhooks;
using Communication.Tests.Support;

namespace Communication.Tests.Webhooks;

/// <summary>A registered endpoint receives the warnings that reach its city, signed, retried after a failure, once per warning.</summary>
public sealed class WebhookDeliveryTests(CommunicationFixture fixture) : IClassFixture<CommunicationFixture>
{
    [Fact]
    public async Task DeliversASignedWarningAndRetriesAfterAFailure()
    {
        using var receiver = new Receiver(failFirst: 1);
        using var register = await fixture.City("lishui").PostAsJsonAsync("/api/communication/webhooks", new { url = receiver.Url });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        var secret = (await register.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        var issued = await fixture.City("huangshan").IssueAsync(Support.Warnings.Json(cityIds: ["lishui"]));

        var id = issued.GetProperty("id").GetGuid().ToString();
        var deliveries = await Platform.Testing.Eventually.Until(
            () => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 2, timeout: TimeSpan.FromSeconds(20), because: "the retry to arrive");
        Assert.All(deliveries, d => Assert.Equal(id, d.IdempotencyKey));
        Assert.All(deliveries, d => Assert.True(WebhookSignature.Verify(secret, long.Parse(d.Timestamp), d.Body, d.Signature)));
        Assert.Equal(id, JsonSerializer.Deserialize<JsonElement>(deliveries[^1].Body).GetProperty("warningId").GetString());
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, receiver.Received.Count);
    }

    [Fact]
    public async Task RefusesAnAddressThatIsNotHttp()
    {
        using var response = await fixture.City("lishui").PostAsJsonAsync("/api/communication/webhooks", new { url = "file:///etc/passwd" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private sealed record Delivery(string IdempotencyKey, string Timestamp, string Signature, string Body);

    /// <summary>A real HTTP endpoint on a loopback port that answers 500 to the first deliveries, then 200.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _failures;

        public Receiver(int failFirst)
        {
            _failures = failFirst;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/hooks/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public System.Collections.Concurrent.ConcurrentQueue<Delivery> Received { get; } = new();

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                Received.Enqueue(new Delivery(
                    context.Request.Headers["Idempotency-Key"]!, context.Request.Headers[WebhookSignature.TimestampHeader]!,
                    context.Request.Headers[WebhookSignature.Header]!, await reader.ReadToEndAsync()));
                context.Response.StatusCode = Interlocked.Decrement(ref _failures) >= 0 ? 500 : 200;
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
