using System.Net.Sockets;
using Npgsql;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Tells a database that cannot be reached (refused or dropped connections, a server shutting down or starting up,
/// no connection left) from a statement the database refused. Marten wraps Npgsql's exceptions, so the whole chain
/// of inner exceptions is searched.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>
    /// SQLSTATE classes and codes of a server that is unavailable rather than refusing the statement
    /// (PostgreSQL Appendix A): 08 connection exception, 57P01–57P03 shutdown or not yet accepting, 53300 too many
    /// connections.
    /// </summary>
    private static readonly string[] UnavailableStates = ["57P01", "57P02", "57P03", "53300"];

    public static bool IsOutage(Exception exception)
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
