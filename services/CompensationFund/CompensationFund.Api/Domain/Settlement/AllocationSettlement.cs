using CompensationFund.Api.Domain.Ledger;
using Platform.Contracts;

namespace CompensationFund.Api.Domain.Settlement;

/// <summary>A payment against one city's settlement: how much, which way, what stays outstanding, how late.</summary>
public sealed record SettlementPayment(string CityId, SettlementDirection Direction, long Amount, long Outstanding, DateOnly DueDate, DateOnly PaidOn, int DaysLate);

/// <summary>A correction of the allocation, settled as differences by its own entry.</summary>
public sealed record SettlementAdjustment(Guid AllocationId, Guid? EntryId, IReadOnlyDictionary<string, long> Differences, string Reason);

/// <summary>
/// The fund's record of one finalized allocation's settlement: each city's position, the entry that posted it, the
/// adjustments of its corrections and the payments in and out. The reconciliation report checks it against the ledger.
/// </summary>
public sealed class AllocationSettlement
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public string Currency { get; set; } = Currencies.Cny;

    /// <summary>For a correcting allocation: the one it corrects, whose record carries the adjustment.</summary>
    public Guid? Supersedes { get; set; }

    public Guid? SupersededBy { get; set; }

    /// <summary>The entry that posted the obligations; null when nothing was owed either way or for a correcting allocation.</summary>
    public Guid? EntryId { get; set; }

    public IReadOnlyDictionary<string, long> Instructed { get; set; } = new Dictionary<string, long>();

    public List<SettlementPosition> Positions { get; set; } = [];

    public List<SettlementAdjustment> Adjustments { get; set; } = [];

    public DateTimeOffset FinalizedAt { get; set; }

    public IReadOnlyDictionary<string, long> Outstanding() => Positions.ToDictionary(p => p.CityId, p => p.Outstanding, StringComparer.Ordinal);

    /// <summary>Applies obligations (a finalization's instructions or a correction's differences) to the positions.</summary>
    public void Oblige(IEnumerable<SettlementInstructionLine> lines)
    {
        foreach (var line in lines)
        {
            var position = Positions.FirstOrDefault(p => p.CityId == line.CityId);
            if (position is null)
            {
                position = new SettlementPosition { CityId = line.CityId };
                Positions.Add(position);
            }

            position.Obligated += line.SignedAmount;
            position.DueDate = line.DueDate;
            position.SettledOn = position.Outstanding == 0 ? position.SettledOn : null;
        }
    }

    public SettlementPayment Pay(string cityId, long amount, DateOnly paidOn)
    {
        var position = Positions.FirstOrDefault(p => p.CityId == cityId);
        if (position?.Direction is not { } direction)
        {
            throw new FundRuleException("Nothing to settle", $"City '{cityId}' has nothing outstanding in the settlement of allocation {Id}.", conflict: true);
        }

        if (amount <= 0 || amount > Math.Abs(position.Outstanding))
        {
            throw new FundRuleException(
                "Amount out of range",
                $"City '{cityId}' has {Money.Fen.ToYuan(Math.Abs(position.Outstanding))} outstanding ({SettlementPosition.Name(direction)}); a payment is more than zero and at most that.");
        }

        position.Settled += direction == SettlementDirection.PayIn ? amount : -amount;
        if (position.Outstanding == 0)
        {
            position.SettledOn = paidOn;
        }

        var late = Math.Max(0, paidOn.DayNumber - position.DueDate.DayNumber);
        return new SettlementPayment(cityId, direction, amount, Math.Abs(position.Outstanding), position.DueDate, paidOn, late);
    }
}
