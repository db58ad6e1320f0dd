using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Infrastructure.Ledger;
using Npgsql;

namespace CompensationFund.Api.Infrastructure;

/// <summary>What is outstanding of one kind of obligation, and how much of it and how many obligations are past due.</summary>
public sealed record ObligationAggregate(ObligationKind Kind, long Outstanding, long Overdue, long OverdueCount);

/// <summary>
/// The aggregates behind the fund's gauges, summed by PostgreSQL (docs/compensation-fund.md §9): a scrape reads a few rows
/// whatever the number of obligations and proposals, instead of loading every document into the service.
/// </summary>
/// <remarks>
/// Implementation note: an obligation's outstanding amount is computed in SQL exactly as <see cref="Obligation.Outstanding"/>
/// does (amount − payments − what was written off a penalty) from the stored JSON (camel-case names, enums as strings).
/// <c>FundMetricsTests</c> compares the gauges with the same figures read through the API.
/// </remarks>
public sealed class FundMetricsQueries(NpgsqlDataSource dataSource, LedgerSchema schema)
{
    public async Task<IReadOnlyList<ObligationAggregate>> ObligationsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select kind, sum(outstanding)::bigint, coalesce(sum(outstanding) filter (where due < $1), 0)::bigint, count(*) filter (where due < $1)
            from (select d.data ->> 'kind' as kind, (d.data ->> 'dueDate')::date as due,
                         (d.data ->> 'amount')::bigint
                         - coalesce((select sum((p ->> 'amount')::bigint) from jsonb_array_elements(d.data -> 'payments') p), 0)
                         - case when d.data ->> 'kind' = 'Penalty' then coalesce((d.data ->> 'penaltyCredited')::bigint, 0) else 0 end as outstanding
                  from {schema.Schema}.mt_doc_obligation d) o
            where outstanding > 0
            group by kind
            """);
        command.Parameters.AddWithValue(today);
        var result = new List<ObligationAggregate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<ObligationKind>(reader.GetString(0), ignoreCase: true, out var kind))
            {
                result.Add(new ObligationAggregate(kind, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        return result;
    }

    /// <summary>Compensation paid out to cities, all time, in fen.</summary>
    public async Task<long> CompensationPaidAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select coalesce(sum((data ->> 'paid')::bigint), 0)::bigint from {schema.Schema}.mt_doc_compensationproposal");
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
