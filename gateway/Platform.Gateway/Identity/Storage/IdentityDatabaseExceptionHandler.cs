using System.Net.Sockets;
using Npgsql;
using Platform.ServiceDefaults.Errors;

namespace Platform.Gateway.Identity.Storage;

/// <summary>
/// A database that cannot be reached while someone signs in or exchanges a code is a passing outage (503 with
/// <c>Retry-After</c>), as in the services (Platform.Persistence's store exception handler): nothing was changed.
/// </summary>
internal sealed class IdentityDatabaseExceptionHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>SQLSTATEs of a server unavailable rather than refusing the statement (PostgreSQL Appendix A).</summary>
    private static readonly string[] UnavailableStates = ["57P01", "57P02", "57P03", "53300"];

    protected override Refusal? Describe(Exception exception) => IsOutage(exception)
        ? new Refusal(StatusCodes.Status503ServiceUnavailable, "Database unavailable",
            "The gateway's database cannot be reached right now; nothing was changed. Retry later.", RetryAfter)
        : null;

    internal static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || UnavailableStates.Contains(postgres.SqlState);
                case NpgsqlException:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
