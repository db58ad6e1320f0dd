using System.Net;

namespace Platform.Benchmarks.Propagation;

/// <summary>How long after cost-sharing finalized an allocation each consequence existed, in milliseconds.</summary>
internal sealed record Propagated(double SettlementMs, double CompensationMs, double CommitmentMs);

/// <summary>
/// Watches one finalized allocation until its three consequences exist, reading the time each came to be from the services
/// where they expose it, by polling where they do not:
/// <list type="bullet">
/// <item>settlement posted: the first state of <c>GET /api/fund/settlements/{id}/history</c> (<c>recordedAt</c>, the database's
/// <c>clock_timestamp()</c> as the fund wrote it, in the transaction that posts the entry);</item>
/// <item>compensation proposed: the first state of each proposal's <c>GET /api/fund/compensation/{id}/history</c>, the later of the two;</item>
/// <item>commitment created: trust-score exposes no creation time (a commitment's <c>openedAt</c> is the allocation's
/// <c>finalizedAt</c>), so <c>GET /api/trust/commitments/settlement:{allocation}:{city}</c> is polled every
/// <see cref="PollInterval"/> and the time its answer arrived counts (later than the creation by at most one poll interval and one round trip).</item>
/// </list>
/// All on one machine, so the services' clocks and PostgreSQL's are the same clock.
/// </summary>
internal static class PropagationProbe
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<Propagated> WatchAsync(GatewayApi api, FinalizedAllocation allocation, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        DateTimeOffset? settlement = null, compensation = null, commitment = null;
        while (settlement is null || compensation is null || commitment is null)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"allocation {allocation.AllocationId}: settlement {settlement}, compensation {compensation}, commitment {commitment} after {timeout}");
            }

            if (commitment is null && await api.FindAsync($"/api/trust/commitments/settlement:{allocation.AllocationId}:{allocation.PayingCity}", api.Coordinator) is not null)
            {
                commitment = DateTimeOffset.UtcNow;
            }

            if (settlement is null && await api.FindAsync($"/api/fund/settlements/{allocation.AllocationId}/history", api.Finance) is { } history)
            {
                settlement = IncidentDriver.FirstRecordedAt(history);
            }

            if (compensation is null)
            {
                var proposals = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/fund/compensation?allocationId={allocation.AllocationId}", api.Finance);
                var ids = proposals.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
                if (ids.Count == allocation.AffectedCities.Count)
                {
                    var times = new List<DateTimeOffset>();
                    foreach (var id in ids)
                    {
                        times.Add(IncidentDriver.FirstRecordedAt(await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/fund/compensation/{id}/history", api.Finance)));
                    }

                    compensation = times.Max();
                }
            }

            if (settlement is null || compensation is null || commitment is null)
            {
                await Task.Delay(PollInterval);
            }
        }

        double Since(DateTimeOffset at) => (at - allocation.FinalizedAt).TotalMilliseconds;
        return new Propagated(Since(settlement.Value), Since(compensation.Value), Since(commitment.Value));
    }
}
