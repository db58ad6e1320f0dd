using Platform.ServiceDefaults.Errors;

namespace Platform.Gateway.Identity.Storage;

/// <summary>
/// A database that cannot be reached while someone signs in or exchanges a code is a passing outage (503 with
/// <c>Retry-After</c>), as in the services (Platform.Persistence's store exception handler): nothing was changed.
/// </summary>
internal sealed class IdentityDatabaseExceptionHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override Refusal? Describe(Exception exception) => DatabaseOutage.IsOutage(exception)
        ? new Refusal(StatusCodes.Status503ServiceUnavailable, "Database unavailable",
            "The gateway's database cannot be reached right now; nothing was changed. Retry later.", RetryAfter)
        : null;
}
