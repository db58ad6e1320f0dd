using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>New limits on the normal-side balance, in yuan; null lifts that bound. The reason is kept with the change.</summary>
public sealed record LimitsRequest(decimal? Floor, decimal? Ceiling, string? Reason = null);

/// <summary>A limit change that waits for more people to agree (202), with who agreed so far.</summary>
public sealed record PendingLimitResponse(string AccountId, decimal? Floor, decimal? Ceiling, string? Reason, int Required, IReadOnlyList<Domain.Ledger.Approval> Approvals);

/// <summary>
/// Finance sets an account's floor and ceiling (a per-city limit, a tighter pool floor). Refused when the balance,
/// counting reservations, already lies outside them: a limit describes the future, it cannot make the past wrong. Every
/// change is an <see cref="AccountLimitChanged"/> event with who and why; lifting a floor that guards the fund's money
/// (bank, pools, earmarks) takes the agreement's quorum of distinct people: the first asks (202), the last applies.
/// </summary>
public static class SetAccountLimits
{
    public static async Task<IResult> HandleAsync(
        string accountId, LimitsRequest request, IDocumentSession session, FundLedger ledger, ApprovalQuorum quorum, HttpContext http,
        CancellationToken cancellationToken)
    {
        long floor = 0, ceiling = 0;
        var validation = new RequestValidation()
            .Require(request.Floor is null || Fen.TryFromYuan(request.Floor.Value, out floor), "floor", "'floor' is yuan exact to the fen.")
            .Require(request.Ceiling is null || Fen.TryFromYuan(request.Ceiling.Value, out ceiling), "ceiling", "'ceiling' is yuan exact to the fen.")
            .RequirePlain(request.Reason, "reason", required: false, maxLength: 500);
        var limit = new AccountLimit(request.Floor is null ? null : floor, request.Ceiling is null ? null : ceiling);
        validation.Require(limit.IsConsistent, "ceiling", "'ceiling' is not below 'floor'.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var account = await session.LoadAsync<LedgerAccount>(accountId, cancellationToken)
            ?? throw new RecordNotFoundException($"The ledger has no account '{accountId}'.");
        var before = (await ledger.Balances.LiveAsync([accountId], cancellationToken)).GetValueOrDefault(accountId)?.Limit ?? AccountLimit.None;
        var approval = Caller.Approval(http, ledger.Now, request.Reason);
        var approvals = new List<Domain.Ledger.Approval> { approval };
        var required = quorum.For(ApprovalQuorum.LimitChange);
        if (account.Kind.GuardsTheFundsMoney() && before.IsLiftedBy(limit) && required > 1)
        {
            var pending = await session.LoadAsync<PendingLimitChange>(accountId, cancellationToken)
                ?? new PendingLimitChange { Id = accountId, Floor = limit.Floor, Ceiling = limit.Ceiling, Reason = request.Reason };
            if (!pending.Agree(approval, limit, required))
            {
                session.Store(pending);
                await session.SaveChangesAsync(cancellationToken);
                return Results.Json(
                    new PendingLimitResponse(accountId, request.Floor, request.Ceiling, pending.Reason, required, pending.Approvals), statusCode: StatusCodes.Status202Accepted);
            }

            approvals = pending.Approvals;
            session.Delete<PendingLimitChange>(accountId);
        }

        ledger.SetLimits(session, accountId, limit);
        session.Events.Append(AccountLimitChanged.StreamFor(accountId), new AccountLimitChanged(
            accountId, before.Floor, before.Ceiling, limit.Floor, limit.Ceiling, request.Reason ?? approvals[0].Note, approvals, ledger.Now));
        await ledger.CommitAsync(session, [], cancellationToken);
        var live = await ledger.Balances.LiveAsync([accountId], cancellationToken);
        return Results.Ok(AccountResponse.From(account, live.GetValueOrDefault(accountId)));
    }
}
