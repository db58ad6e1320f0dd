using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Security;

namespace Platform.EndToEndTests.Faults;

/// <summary>One answer (or none: status 0) a client of the stream got, with how long it took.</summary>
public sealed record Attempt(string Operation, int Status, TimeSpan Elapsed, TimeSpan? RetryAfter, string? MediaType, string Detail);

/// <summary>A request that was sent more than once, with the answers it got in order (0: none).</summary>
public sealed record RetriedRequest(string Operation, string Subject, IReadOnlyList<int> Answers);

/// <summary>
/// The stream the faults strike: three clients through the gateway, one registering cities, one finalizing the prepared
/// incidents' allocations, one posting journal entries, each paced and running until stopped. Each client behaves as a
/// careful client does: when it gets no answer, or a 502/503/504, it sends the same request again (the same
/// <c>Idempotency-Key</c> where the operation takes one) until it gets an answer; a 409 on re-registering a city it
/// tried before means its earlier attempt went through. Every answer is kept for the tests to inspect. Allocations are
/// spaced by <c>allocationPace</c> so that they spread over the faults.
/// </summary>
public sealed class FaultWorkload(FaultPlatformFixture platform, string tag, IReadOnlyList<Guid> incidents, TimeSpan? allocationPace = null)
{
    /// <summary>How long one request may go unanswered before a client gives up on it.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(300);
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<RetriedRequest> _retried = new();
    private int _registered;
    private int _allocated;
    private int _posted;

    public IReadOnlyCollection<Attempt> Attempts => [.. _attempts];

    public IReadOnlyCollection<RetriedRequest> Retried => [.. _retried];

    /// <summary>Requests that ended in an answer no retry explains (a 500, a 4xx): each one is a finding.</summary>
    public IReadOnlyCollection<string> Failures => [.. _failures];

    public int Registered => _registered;

    public int Allocated => _allocated;

    public int Posted => _posted;

    /// <summary>Runs the three clients until <paramref name="stop"/> is cancelled; each finishes the request it is on.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(RegisterAsync(stop), AllocateAsync(stop), PostAsync(stop));

    private async Task RegisterAsync(CancellationToken stop)
    {
        using var coordinator = Client(PlatformRoles.Coordinator);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var city = $"{tag}-{i}";
            var (status, _, retried) = await UntilAnsweredAsync(coordinator, "register", city, () => new HttpRequestMessage(HttpMethod.Post, "/api/cost-sharing/members")
            {
                Content = JsonContent.Create(FaultRegion.Member(city)),
            });
            if (status == HttpStatusCode.Created || (status == HttpStatusCode.Conflict && retried))
            {
                platform.Accepted.Registered(city);
                Interlocked.Increment(ref _registered);
            }
            else
            {
                _failures.Enqueue($"register {city}: {(int)status}");
            }

            await Task.Delay(Pace, CancellationToken.None);
        }
    }

    private async Task AllocateAsync(CancellationToken stop)
    {
        using var coordinator = Client(PlatformRoles.Coordinator);
        foreach (var incident in incidents)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            var key = $"{tag}-allocate-{incident}";
            var (status, body, _) = await UntilAnsweredAsync(coordinator, "allocate", key, () => Idempotent(HttpMethod.Post, $"/api/cost-sharing/incidents/{incident}/allocations", null, key));
            if (status == HttpStatusCode.Created)
            {
                var paying = body.GetProperty("instructions").EnumerateArray()
                    .Where(i => i.GetProperty("direction").GetString() == "pay-in" && i.GetProperty("amount").GetDecimal() > 0)
                    .Select(i => i.GetProperty("cityId").GetString()!)
                    .ToList();
                platform.Accepted.Allocated(new AcceptedAllocation(incident, body.GetProperty("id").GetGuid(), paying));
                Interlocked.Increment(ref _allocated);
            }
            else
            {
                _failures.Enqueue($"allocate {incident}: {(int)status} {body}");
            }

            await Task.Delay(allocationPace ?? Pace * 2, CancellationToken.None);
        }
    }

    private async Task PostAsync(CancellationToken stop)
    {
        using var finance = Client(PlatformRoles.Finance);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var key = $"{tag}-post-{i}";
            var amount = 100m + i + 0.01m * (i % 97);
            var entry = new
            {
                description = $"Bank interest {tag} {i}",
                lines = new[]
                {
                    new { account = "fund:bank", side = "debit", amount },
                    new { account = "fund:income:interest", side = "credit", amount },
                },
            };
            var (status, body, _) = await UntilAnsweredAsync(finance, "post", key, () => Idempotent(HttpMethod.Post, "/api/fund/entries", entry, key));
            if (status == HttpStatusCode.Created)
            {
                platform.Accepted.Posted(new AcceptedPosting(key, body.GetProperty("entryId").GetGuid(), amount));
                Interlocked.Increment(ref _posted);
            }
            else
            {
                _failures.Enqueue($"post {key}: {(int)status} {body}");
            }

            await Task.Delay(Pace, CancellationToken.None);
        }
    }

    /// <summary>Sends the request until it gets an answer other than "try again" (none, 502, 503, 504); at most two minutes.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body, bool Retried)> UntilAnsweredAsync(HttpClient client, string operation, string subject, Func<HttpRequestMessage> request)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var answers = new List<int>();
        while (true)
        {
            var clock = Stopwatch.StartNew();
            TimeSpan? retryAfter = null;
            try
            {
                using var message = request();
                using var response = await client.SendAsync(message);
                var text = await response.Content.ReadAsStringAsync();
                retryAfter = response.Headers.RetryAfter?.Delta;
                answers.Add((int)response.StatusCode);
                _attempts.Enqueue(new Attempt(operation, (int)response.StatusCode, clock.Elapsed, retryAfter, response.Content.Headers.ContentType?.MediaType, text.Length > 300 ? text[..300] : text));
                if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
                {
                    return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), Remember(operation, subject, answers));
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                answers.Add(0);
                _attempts.Enqueue(new Attempt(operation, 0, clock.Elapsed, null, null, e.GetType().Name + ": " + e.Message));
            }

            if (DateTime.UtcNow > deadline)
            {
                return (0, default, Remember(operation, subject, answers));
            }

            // Honours Retry-After, capped so the test does not idle: a real client would wait the whole of it.
            await Task.Delay(retryAfter is { } wait ? TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, 1_000)) : TimeSpan.FromMilliseconds(250));
        }
    }

    private bool Remember(string operation, string subject, List<int> answers)
    {
        if (answers.Count > 1)
        {
            _retried.Enqueue(new RetriedRequest(operation, subject, answers));
        }

        return answers.Count > 1;
    }

    private static HttpRequestMessage Idempotent(HttpMethod method, string path, object? body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private HttpClient Client(string role)
    {
        var client = platform.Client(role);
        client.Timeout = RequestTimeout;
        return client;
    }
}
