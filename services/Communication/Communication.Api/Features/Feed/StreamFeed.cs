using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Communication.Api.Infrastructure;
using Communication.Api.Infrastructure.Feed;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Feed;

/// <summary>
/// The calling city's live feed of the warnings that reach it, as Server-Sent Events (WHATWG HTML §9.2). Each event's id is the
/// city's feed sequence number, so a client reconnecting with <c>Last-Event-ID</c> (or <c>?lastEventId=</c>) gets exactly the
/// warnings after it: none lost, none repeated. Without one, the feed starts with what arrives from now on.
/// </summary>
public static class StreamFeed
{
    public const string EventStream = "text/event-stream";

    public static async Task<IResult> HandleAsync(
        HttpContext http, ClaimsPrincipal user, FeedHub hub, IOptions<CommunicationOptions> options, IOptions<JsonOptions> json,
        IHostApplicationLifetime lifetime, string? lastEventId, CancellationToken requestAborted)
    {
        // A feed never ends by itself: it ends with the client, or when the service starts stopping (SIGTERM), so that the
        // host's shutdown is not held until its timeout; the client reconnects to another replica with Last-Event-ID.
        using var feedEnds = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = feedEnds.Token;
        var cityId = user.CityId()!;
        var resumeFrom = http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? lastEventId;
        long after;
        if (resumeFrom is null)
        {
            after = (await hub.HeadAsync(cityId, cancellationToken));
        }
        else if (!long.TryParse(resumeFrom, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            var validation = new RequestValidation();
            validation.Add("Last-Event-ID", "The last event id is the sequence number of a feed event.");
            return validation.ToProblem();
        }

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = EventStream;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        CommunicationMetrics.FeedConnections.Inc();
        try
        {
            await WriteAsync(http.Response, $"retry: 1000\n: feed of {cityId} after {after}\n\n", cancellationToken);
            await RunAsync(http.Response, hub, cityId, after, options.Value, json.Value.SerializerOptions, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away, or the service is stopping: the normal ends of a feed.
        }
        finally
        {
            CommunicationMetrics.FeedConnections.Dec();
        }

        return Results.Empty;
    }

    private static async Task RunAsync(
        HttpResponse response, FeedHub hub, string cityId, long after, CommunicationOptions options, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var idleSince = DateTime.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            var entries = await hub.ReadAfterAsync(cityId, after, cancellationToken);
            if (entries.Count > 0)
            {
                var text = new StringBuilder();
                foreach (var entry in entries)
                {
                    text.Append("id: ").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
                        .Append("event: warning\n")
                        .Append("data: ").Append(JsonSerializer.Serialize(entry.Warning, json)).Append("\n\n");
                }

                await WriteAsync(response, text.ToString(), cancellationToken);
                after = entries[^1].Sequence;
                idleSince = DateTime.UtcNow;
                continue;
            }

            var wait = options.FeedPollInterval < options.FeedHeartbeat ? options.FeedPollInterval : options.FeedHeartbeat;
            if (!await hub.WaitAsync(cityId, after, wait, cancellationToken))
            {
                // A notification may have been lost: look in the store once for everyone on this city, then keep the line alive.
                await hub.NotifyAsync(cityId, cancellationToken);
                if (DateTime.UtcNow - idleSince >= options.FeedHeartbeat)
                {
                    await WriteAsync(response, ": heartbeat\n\n", cancellationToken);
                    idleSince = DateTime.UtcNow;
                }
            }
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
