using Npgsql;

namespace Platform.Persistence;

/// <summary>
/// Tells a unique-key violation on one table from any other failure. Marten wraps Npgsql's exceptions, so the whole
/// chain of inner exceptions is searched. The idempotency keys rely on it: two requests with one key meet on the
/// table's primary key.
/// </summary>
public static class UniqueViolation
{
    /// <summary>True when <paramref name="exception"/> (or an inner one) is a unique violation on <paramref name="table"/>.</summary>
    public static bool IsOn(Exception exception, string table)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                && string.Equals(unique.TableName, table, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
