using System.Diagnostics;
using Confluent.Kafka;

namespace Platform.Messaging.Kafka;

/// <summary>
/// A member's way out of its consumer group that cannot abort the process: unsubscribe, serve the revocation (and a
/// rebalance already under way) until the member holds no partition and the group has been quiet for a moment, then close.
/// The member's rebalance handlers call <see cref="Rebalanced"/>.
/// </summary>
/// <remarks>
/// Implementation note: closing a cooperative-sticky member while its group is still handing partitions out can trip
/// librdkafka's <c>rd_kafka_cgrp_terminated: assert: !rd_kafka_assignment_in_progress</c>, which aborts the whole process
/// (confluentinc/librdkafka#4792, #4312, #4527): the fund's test host died of it when two replicas stopped one after the
/// other, and a SIGTERM during a rolling update is the same. The workaround librdkafka's maintainers and users settled
/// on (#4527) is to unsubscribe, wait until the member holds nothing, then close: <c>Close()</c> is then left no
/// partition to revoke and no assignment to finish. An unsubscribe is postponed while a rebalance is in progress, and
/// that rebalance may still assign partitions, so "no partition" alone is not enough: the member also waits until no
/// rebalance callback has come for <see cref="QuietPeriod"/>. All of it is bounded: past <c>within</c> it closes anyway.
/// A message read while leaving is neither applied nor committed; the partition's next owner reads it (and the inbox
/// absorbs a redelivery).
/// </remarks>
internal sealed class GroupLeave
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(300);
    private long _lastRebalance = Stopwatch.GetTimestamp();

    /// <summary>A partition was assigned, revoked or lost.</summary>
    public void Rebalanced() => Interlocked.Exchange(ref _lastRebalance, Stopwatch.GetTimestamp());

    /// <returns>Whether the member held nothing and its group was quiet when it closed (false: it closed at the bound).</returns>
    public bool Leave(IConsumer<string, byte[]> consumer, TimeSpan within)
    {
        var settled = false;
        var started = Stopwatch.GetTimestamp();
        Rebalanced();
        try
        {
            consumer.Unsubscribe();
            while (!(settled = consumer.Assignment.Count == 0 && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastRebalance)) >= QuietPeriod)
                && Stopwatch.GetElapsedTime(started) < within)
            {
                try
                {
                    // Serves the rebalance callbacks; what it returns is left for the next owner.
                    consumer.Consume(TimeSpan.FromMilliseconds(20));
                }
                catch (ConsumeException)
                {
                    // An error of the fetch, not of the leaving: keep serving the rebalance.
                }
            }
        }
        catch (KafkaException)
        {
            // A client that can no longer unsubscribe (a fatal error) is closed as it is.
        }

        consumer.Close();
        return settled;
    }
}
