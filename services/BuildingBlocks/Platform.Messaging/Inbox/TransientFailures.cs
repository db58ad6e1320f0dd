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
}
