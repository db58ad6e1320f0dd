using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;

namespace Platform.Testing;

/// <summary>One event of a Server-Sent Events stream.</summary>
public sealed record SseEvent(string? Id, string? Event, string Data)
{
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Data);
}

/// <summary>
/// A minimal SSE client (WHATWG HTML §9.2 parsing of id, event and data lines) over a real HTTP connection, reading in the
/// background so a test can wait for the next event with a deadline.
/// </summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SseEvent> _events = Channel.CreateUnbounded<SseEvent>();
    private readonly Task _reader;

    private SseClient(HttpResponseMessage response)
    {
        _response = response;
        _reader = Task.Run(ReadAsync);
    }

    public System.Net.HttpStatusCode StatusCode => _response.StatusCode;

    /// <summary>Completes when the server has ended the stream (or the connection broke).</summary>
    public Task Ended => _reader.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    public static async Task<SseClient> ConnectAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseClient(response);
    }

    /// <summary>The next event, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<SseEvent?> NextAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            return await _events.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            // The stream was closed under the reader: how a feed ends.
        }

        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var stream = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(stream);
            string? id = null, type = null;
            var data = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0)
                    {
                        await _events.Writer.WriteAsync(new SseEvent(id, type, string.Join('\n', data)));
                    }

                    (type, data) = (null, []);
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": type = value; break;
                    case "data": data.Add(value); break;
                }
            }
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
