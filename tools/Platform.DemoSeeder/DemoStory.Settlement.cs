using System.Text.Json;

namespace Platform.DemoSeeder;

internal sealed partial class DemoStory
{
    /// <summary>
    /// The fund settles the allocation through its clearing account: finance records each city's pay-in and pays each
    /// city owed its pay-out, except the one city that leaves its settlement unpaid (its commitment stays open in trust-score).
    /// </summary>
    public async Task SettlementAsync(CancellationToken cancellationToken)
    {
        var finance = await Sessions.FinanceAsync(cancellationToken);
        var path = $"api/fund/settlements/{State.AllocationId}";
        var settlement = await Waiting.UntilAsync(() => gateway.FindAsync(path, finance, cancellationToken), "the fund to settle the allocation", cancellationToken);
        foreach (var position in settlement.GetProperty("positions").EnumerateArray())
        {
            var city = position.GetProperty("cityId").GetString()!;
            var outstanding = Math.Abs(position.GetProperty("outstanding").GetDecimal());
            var direction = position.GetProperty("direction").GetString();
            if (outstanding == 0 || city == region.Settlement.UnpaidCityId)
            {
                Step($"settlement of {city} ({direction} {Yuan.Format(Math.Abs(position.GetProperty("obligated").GetDecimal()))}): "
                    + (outstanding == 0 ? "settled" : "left unpaid, due " + position.GetProperty("dueDate").GetString()));
                continue;
            }

            await gateway.PostAsync($"{path}/payments", finance, new
            {
                cityId = city, amount = outstanding, paidOn = LedgerDay.DaysAgo(clock, region.Settlement.PaidDaysAgo), bankReference = $"DEMO-ST-{State.AllocationId:N}-{city}",
            }, Key("settlement", State.AllocationId.ToString("N"), city), cancellationToken);
            Step($"settlement of {city}: {direction} {Yuan.Format(outstanding)} recorded by finance");
        }
    }

    /// <summary>
    /// The fund proposed compensation for the affected cities when the allocation arrived (covered in full: the pool holds
    /// the contributions); two members of the coordinating body approve each proposal and finance disburses it.
    /// </summary>
    public async Task CompensationAsync(CancellationToken cancellationToken)
    {
        var finance = await Sessions.FinanceAsync(cancellationToken);
        var proposals = await Waiting.UntilAnyAsync(() => ProposalsAsync(finance, cancellationToken), "the fund to propose compensation", cancellationToken);
        State.CompensationIds = [.. proposals.Select(p => p.GetProperty("id").GetGuid())];
        foreach (var proposal in proposals)
        {
            var id = proposal.GetProperty("id").GetGuid();
            var current = proposal;
            for (var approver = 0; approver < region.Clients.Coordinators.Count && current.GetProperty("status").GetString() == "proposed"; approver++)
            {
                var clientId = region.Clients.Coordinators[approver].ClientId;
                if (current.GetProperty("approvals").EnumerateArray().Any(a => a.GetProperty("by").GetString() == clientId))
                {
                    continue;
                }

                current = await gateway.PostAsync($"api/fund/compensation/{id}/approve", await Sessions.CoordinatorAsync(approver, cancellationToken),
                    new { note = $"Approved for the demo by {clientId}" }, Key("compensation", id.ToString("N"), "approve", clientId), cancellationToken);
            }

            if (current.GetProperty("status").GetString() == "approved" && current.GetProperty("paid").GetDecimal() == 0)
            {
                current = await gateway.PostAsync($"api/fund/compensation/{id}/disburse", finance, null, Key("compensation", id.ToString("N"), "disburse"), cancellationToken);
            }

            Step($"compensation for {current.GetProperty("cityId").GetString()}: proposed {Yuan.Format(current.GetProperty("proposed").GetDecimal())} "
                + $"(shortfall {Yuan.Format(current.GetProperty("shortfall").GetDecimal())}), {current.GetProperty("status").GetString()} by "
                + string.Join(" and ", current.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("by").GetString()))
                + $", paid {Yuan.Format(current.GetProperty("paid").GetDecimal())}, held back {Yuan.Format(current.GetProperty("holdBack").GetDecimal())}");
        }
    }

    public async Task<IReadOnlyList<JsonElement>> ProposalsAsync(string reader, CancellationToken cancellationToken) =>
        [.. (await gateway.GetAsync($"api/fund/compensation?allocationId={State.AllocationId}&pageSize=200", reader, cancellationToken)).GetProperty("items").EnumerateArray()];
}
