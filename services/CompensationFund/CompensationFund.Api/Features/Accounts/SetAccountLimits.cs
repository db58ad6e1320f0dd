using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Npgsql;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Accounts;

/// <summary>New limits on the normal-side balance, in yuan; null lifts that bound.</summary>
public sealed record LimitsRequest(decimal? Floor, decimal? Ceiling);

/// <summary>
/// Finance sets an account's floor and ceiling (a per-city limit, a tighter pool floor). Refused when the balance,
/// counting reservations, already lies outside them: a limit describes the future, it cannot make the past wrong.
/// </summary>
public static class SetAccountLimits
{
    public static async Task<IResult> HandleAsync(
        string accountId, LimitsRequest request, IQuerySession session, NpgsqlDataSource dataSource, LedgerSchema schema, BalanceReader balances,
        CancellationToken cancellationToken)
    {
        long floor = 0, ceiling = 0;
        var validation = new RequestValidation()
            .Require(request.Floor is null || Fen.TryFromYuan(request.Floor.Value, out floor), "floor", "'floor' is yuan exact to the fen.")
            .Require(request.Ceiling is null || Fen.TryFromYuan(request.Ceiling.Value, out ceiling), "ceiling", "'ceiling' is yuan exact to the fen.");
        var limit = new AccountLimit(request.Floor is null ? null : floor, request.Ceiling is null ? null : ceiling);
        validation.Require(limit.IsConsistent, "ceiling", "'ceiling' is not below 'floor'.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var account = await session.LoadAsync<LedgerAccount>(accountId, cancellationToken)
            ?? throw new FundRuleException("Unknown account", $"The ledger has no account '{accountId}'.");
        await using var command = dataSource.CreateCommand(
            $"""
            update {schema.Balances} set floor_fen = $2, ceiling_fen = $3
            where account_id = $1
              and {schema.Schema}.fund_within_limits(normal_side, debits_posted, credits_posted, debits_pending, credits_pending, $2, $3)
            """);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)limit.Floor ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)limit.Ceiling ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new FundRuleException("Limit already broken", $"Account '{accountId}' stands outside these limits now (reservations counted); the limit is not changed.");
        }

        var live = await balances.LiveAsync([accountId], cancellationToken);
        return Results.Ok(AccountResponse.From(account, live.GetValueOrDefault(accountId)));
    }
}
