using System.Net;

namespace Platform.EndToEndTests.Security;

/// <summary>
/// Everything a coordinator can list: the body of every GET operation without parameters (member registries, read
/// models, dead letters), as one comparable snapshot. Refused calls must leave it exactly as it was.
/// </summary>
public static class PlatformState
{
    public static async Task<string> SnapshotAsync(PlatformCallers callers, RouteTable table)
    {
        var lists = table.Operations.Where(o => o.Method == "GET" && !o.HasParameters && !o.Anonymous && !o.IsEventStream).OrderBy(o => o.PathTemplate, StringComparer.Ordinal);
        var parts = new List<string>();
        foreach (var list in lists)
        {
            using var response = await callers.SendAsRoleAsync(list.Request(), "coordinator");
            parts.Add($"{list}: {(int)response.StatusCode} {WithoutGenerationTime(await response.Content.ReadAsStringAsync())}");
        }

        return string.Join('\n', parts);
    }

    /// <summary>Waits until events of earlier tests have settled in every read model, so a change seen later is the suite's own.</summary>
    public static async Task<string> SettledSnapshotAsync(PlatformCallers callers, RouteTable table)
    {
        var previous = await SnapshotAsync(callers, table);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var current = await SnapshotAsync(callers, table);
            if (current == previous)
            {
                return current;
            }

            previous = current;
        }

        throw new TimeoutException("The platform's state kept changing; cannot take a stable snapshot.");
    }

    /// <summary>
    /// Reports say when they were generated (<c>generatedAt</c>), and a message parked by an earlier test (waiting for
    /// a city that never joins) keeps being retried (<c>attempts</c>, <c>nextAttemptAt</c>): these change without any
    /// request changing anything, so they are left out of the comparison.
    /// </summary>
    private static string WithoutGenerationTime(string body) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(body, "\"(generatedAt|nextAttemptAt)\":\"[^\"]*\"", "\"$1\":\"…\""),
            "\"attempts\":\\d+",
            "\"attempts\":…");

    public static bool IsRefusal(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
