using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Npgsql;

namespace CompensationFund.Api.Features.Reports;

public sealed record TrialBalanceLine(string Account, string Name, string Kind, string NormalSide, decimal Debit, decimal Credit, decimal PendingDebits, decimal PendingCredits);

/// <summary>Every account's posted balance on its debit or credit side as of a value date; the two columns must be equal.</summary>
public sealed record TrialBalanceResponse(DateOnly AsOf, IReadOnlyList<TrialBalanceLine> Lines, decimal TotalDebits, decimal TotalCredits, bool Balanced);

/// <summary>The trial balance, as of today or any past value date (sums of the movement history, so back-dated entries count where they belong).</summary>
public static class TrialBalance
{
    public static async Task<IResult> HandleAsync(
        DateOnly? asOf, IQuerySession session, NpgsqlDataSource dataSource, LedgerSchema schema, FundLedger ledger, CancellationToken cancellationToken)
    {
        var date = asOf ?? ledger.Today;
        var accounts = (await session.Query<LedgerAccount>().ToListAsync(cancellationToken)).ToDictionary(a => a.Id);
        await using var command = dataSource.CreateCommand(
            $"""
            select account_id, sum(debits_posted)::bigint, sum(credits_posted)::bigint, sum(debits_pending)::bigint, sum(credits_pending)::bigint
            from {schema.MovementTable} where value_date <= $1 group by account_id order by account_id collate "C"
            """);
        command.Parameters.AddWithValue(date);
        var lines = new List<TrialBalanceLine>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var account = accounts.GetValueOrDefault(reader.GetString(0));
                var net = reader.GetInt64(1) - reader.GetInt64(2);
                lines.Add(new TrialBalanceLine(
                    reader.GetString(0), account?.Name ?? "?", account?.Kind.Slug() ?? "?", account?.NormalSide == NormalSide.Debit ? "debit" : "credit",
                    Fen.ToYuan(Math.Max(net, 0)), Fen.ToYuan(Math.Max(-net, 0)), Fen.ToYuan(reader.GetInt64(3)), Fen.ToYuan(reader.GetInt64(4))));
            }
        }

        var debits = lines.Sum(l => l.Debit);
        var credits = lines.Sum(l => l.Credit);
        return Results.Ok(new TrialBalanceResponse(date, lines, debits, credits, debits == credits));
    }
}
