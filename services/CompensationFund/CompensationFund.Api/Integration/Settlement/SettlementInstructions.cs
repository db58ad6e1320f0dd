using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Domain.Settlement;
using Platform.Contracts.CostSharing;

namespace CompensationFund.Api.Integration.Settlement;

/// <summary>Reads cost-sharing's settlement instructions into the fund's signed fen; a malformed one is refused (and dead-lettered).</summary>
public static class SettlementInstructions
{
    public static IReadOnlyList<SettlementInstructionLine> From(IEnumerable<SettlementInstruction> instructions) =>
        [.. instructions.Select(i =>
        {
            var direction = SettlementPosition.Parse(i.Direction)
                ?? throw new FundRuleException("Unknown direction", $"Settlement direction '{i.Direction}' for '{i.CityId}' is neither pay-in nor pay-out.");
            if (!Fen.TryFromYuan(i.Amount, out var fen) || fen < 0)
            {
                throw new FundRuleException("Bad amount", $"Settlement amount {i.Amount} for '{i.CityId}' is not a non-negative amount exact to the fen.");
            }

            return new SettlementInstructionLine(i.CityId, direction == SettlementDirection.PayIn ? fen : -fen, i.DueDate);
        })];

    public static EntrySource Source(Guid messageId, string eventType, IReadOnlyDictionary<string, string> inputs) =>
        EntrySource.Event(messageId, eventType) with { Inputs = inputs };
}
