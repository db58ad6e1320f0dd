using System.Net.Sockets;
using Confluent.Kafka;
using Npgsql;

namespace Platform.Messaging.Inbox;

/// <summary>
/// Tells infrastructure outages (database or broker unreachable) from failures of the message itself.
/// An outage is retried without end: sending a good message to the dead-letter topic because the
/// database restarted would lose it from the normal flow.
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException and not PostgresException:
                case TimeoutException:
                case SocketException:
                case KafkaException:
                    return true;
            }
        }

        return false;
    }

    public static bool IsInboxDuplicate(Exception exception, string inboxTable) =>
        IsUniqueViolationOn(exception, inboxTable[(inboxTable.LastIndexOf('.') + 1)..]);

    /// <summary>True when <paramref name="exception"/> (or an inner one) is a unique violation on <paramref name="table"/>.</summary>
    public static bool IsUniqueViolationOn(Exception exception, string table)
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
