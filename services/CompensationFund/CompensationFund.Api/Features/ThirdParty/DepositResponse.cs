using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Money;

namespace CompensationFund.Api.Features.ThirdParty;

public sealed record DepositResponse(Guid Id, string Donor, decimal Amount, string Purpose, string? Conditions, string Account, decimal Released, DateOnly ReceivedOn)
{
    public static DepositResponse From(ThirdPartyDeposit d) => new(d.Id, d.Donor, Fen.ToYuan(d.Amount), d.Purpose, d.Conditions, d.Account, Fen.ToYuan(d.Released), d.ReceivedOn);
}
