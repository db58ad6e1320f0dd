using System.Net;
using System.Text;
using Platform.EndToEndTests.Security;
using Platform.ServiceDefaults.Security;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Robustness;

/// <summary>
/// Bad input, swept as a tester would, through the real gateway: every operation of every OpenAPI document with a
/// JSON body gets malformed JSON, the wrong media type, and every field of its body (nested ones too) with the wrong
/// type, huge, negative, exponent and over-precise numbers, and NUL or bidirectional characters; every operation with
/// an id in its path gets unknown ids; every service gets an oversized body. Each answer must be a 4xx — never a 5xx —
/// and the platform's state must be exactly as before. Read from the documents at test time, so a new operation or
/// field is swept without new test code.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputSweepTests(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>Operations whose only effect is an answer: a bad number there may still compute something (200).</summary>
    private static bool IsStateless(Operation operation) => operation.PathTemplate.Contains("/calculat", StringComparison.Ordinal);

    private readonly PlatformCallers callers = new(platform);

    [Fact]
    public async Task EveryOperationAnswersBadInputWithA4xxAndChangesNothing()
    {
        var table = await RouteTable.LoadAsync(callers.Gateway);
        var schemas = await RequestSchemas.LoadAsync(callers.Gateway);
        var before = await PlatformState.SettledSnapshotAsync(callers, table);

        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in table.Operations.Where(o => !o.Anonymous && o.Roles is not null && !o.IsEventStream))
        {
            var role = CallerFor(operation);
            var bodies = operation.HasBody
                ? BadBodies.Malformed().Concat(schemas.Sample(operation.Method, operation.PathTemplate) is { } sample ? BadBodies.For(sample) : [])
                : operation.HasParameters ? [new BadBody("unknown ids", string.Empty)] : [];
            foreach (var body in bodies)
            {
                using var response = await SendAsync(operation, role, body);
                sent++;
                var status = (int)response.StatusCode;
                if (status >= 500 || (status < 400 && !(operation.IsSafe || IsStateless(operation))))
                {
                    failures.Add($"{operation} as {role}, {body.Label}: {status} {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        foreach (var service in table.Operations.Where(o => o.HasBody && !o.Anonymous && o.Roles is not null).GroupBy(o => o.Service))
        {
            var operation = service.First();
            using var oversized = await SendAsync(operation, CallerFor(operation), new BadBody("2 MB", "{\"x\":\"" + new string('a', 2 << 20) + "\"}"));
            sent++;
            if (oversized.StatusCode != HttpStatusCode.RequestEntityTooLarge)
            {
                failures.Add($"{operation}, a 2 MB body: {(int)oversized.StatusCode}, expected 413");
            }
        }

        output.WriteLine($"{sent} bad requests sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests not refused with a 4xx:\n{string.Join('\n', failures.Take(200))}");
        Assert.Equal(before, await PlatformState.SnapshotAsync(callers, table));
    }

    /// <summary>A role that may call the operation, so the answer is about the input, not the caller; never the read-only auditor for a write.</summary>
    private static string CallerFor(Operation operation) =>
        new[] { PlatformRoles.Coordinator, PlatformRoles.Finance, PlatformRoles.Evaluator, PlatformRoles.City, PlatformRoles.Auditor }
            .First(r => operation.Roles!.Contains(r) && (operation.IsSafe || r != PlatformRoles.Auditor || IsStateless(operation)));

    private async Task<HttpResponseMessage> SendAsync(Operation operation, string role, BadBody body)
    {
        for (var attempt = 0; ; attempt++)
        {
            var request = operation.Request();
            if (operation.HasBody)
            {
                request.Content = new StringContent(body.Text, Encoding.UTF8, body.MediaType);
            }

            // A body the gateway refuses by its declared length is not sent at all (the server answers before it asks
            // for the body); otherwise the refusal closes the connection while the client is still writing.
            request.Headers.ExpectContinue = body.Text.Length > 1 << 20;

            // Both preconditions present, so a refusal is about the body, not a missing header (428).
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            var response = await callers.SendAsRoleAsync(request, role);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 20)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
