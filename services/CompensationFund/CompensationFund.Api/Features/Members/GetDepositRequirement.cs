using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Members;

public sealed record DepositRequirementResponse(string CityId, string Tier, string Rule, int RuleVersion, decimal BaseDeposit, decimal Required, decimal Held, decimal Shortfall);

/// <summary>The deposit a city must hold for its trust tier (lower trust, higher deposit), what it holds, and what it still has to pay in.</summary>
public static class GetDepositRequirement
{
    public static async Task<IResult> HandleAsync(
        string cityId, IQuerySession session, BalanceReader balances, IConfiguration configuration, HttpContext http, CancellationToken cancellationToken)
    {
        var member = http.User.MayReadCity(cityId) ? await session.LoadAsync<FundMember>(cityId, cancellationToken) : null;
        if (member?.JoinedAt is null)
        {
            return Problems.NotFound($"No member city '{cityId}'.");
        }

        var baseDeposit = Fen.FromYuan(configuration.GetValue("Fund:BaseDeposit", 1_000_000.00m));
        var account = LedgerAccount.IdFor(cityId, LedgerAccountKind.DepositsHeld);
        var held = (await balances.LiveAsync([account], cancellationToken)).GetValueOrDefault(account)?.Balance.Posted(NormalSide.Credit) ?? 0;
        var required = DepositRule.Required(baseDeposit, member.TrustTier);
        return Results.Ok(new DepositRequirementResponse(
            cityId, member.TrustTier, DepositRule.Name, DepositRule.Version, Fen.ToYuan(baseDeposit), Fen.ToYuan(required), Fen.ToYuan(held), Fen.ToYuan(Math.Max(0, required - held))));
    }
}
