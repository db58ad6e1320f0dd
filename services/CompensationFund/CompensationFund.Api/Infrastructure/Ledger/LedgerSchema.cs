using Weasel.Core;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// The ledger's tables and functions beside Marten's event store, created with the Marten schema (and by the
/// <c>--migrate</c> step): <c>fund_balance</c> (the four counters and limits per account), <c>fund_movement</c>
/// (one row per line per event: the history), <c>fund_ledger_state</c> (how far the books are closed) and the
/// function that writes the first two (docs/compensation-fund.md §4).
/// </summary>
public sealed partial class LedgerSchema(string schema)
{
    /// <summary>Advisory lock of the ledger's periods: postings take it shared, a period close exclusive.</summary>
    public const long PeriodLockKey = 0x46554E445045524C;

    public string Schema { get; } = schema;

    public string Balances => $"{Schema}.fund_balance";

    public string MovementTable => $"{Schema}.fund_movement";

    public string State => $"{Schema}.fund_ledger_state";

    /// <summary>Every state of proposals, obligations and settlements, append-only (docs/compensation-fund.md §16).</summary>
    public string HistoryTable => $"{Schema}.fund_record_history";

    /// <summary>Calls with more lines than this go to <c>fund_apply_movements_bulk</c> (see <c>LedgerSchema.Sql.cs</c>).</summary>
    public const int BulkLines = 256;

    /// <summary>The function that applies <paramref name="lines"/> movements: by index for a few, the planner's choice for many.</summary>
    public string ApplyMovements(int lines) => lines <= BulkLines ? $"{Schema}.fund_apply_movements" : $"{Schema}.fund_apply_movements_bulk";

    public string SetLimits => $"{Schema}.fund_set_limits";

    public IEnumerable<ISchemaObject> Objects()
    {
        yield return Function.ForSql(WithinLimitsSql);
        yield return BalanceTable();
        yield return MovementTableDefinition();
        yield return StateTable();
        yield return SealTable();
        yield return SealedTable();
        yield return PeriodRootTable();
        yield return HistoryTableDefinition();
        yield return Function.ForSql(ApplyMovementsSql("fund_apply_movements", byIndex: true));
        yield return Function.ForSql(ApplyMovementsSql("fund_apply_movements_bulk", byIndex: false));
        yield return Function.ForSql(SetLimitsSql);
    }

    private Table BalanceTable()
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(Schema, "fund_balance", Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("account_id").AsPrimaryKey();
        table.AddColumn("normal_side", "smallint").NotNull();
        foreach (var counter in Counters)
        {
            table.AddColumn(counter, "bigint").NotNull().DefaultValue(0L);
        }

        table.AddColumn("floor_fen", "bigint").AllowNulls();
        table.AddColumn("ceiling_fen", "bigint").AllowNulls();
        table.CheckConstraints.Add(new TableCheckConstraint(
            "fund_balance_counters", "debits_posted >= 0 AND credits_posted >= 0 AND debits_pending >= 0 AND credits_pending >= 0"));
        table.CheckConstraints.Add(new TableCheckConstraint(
            "fund_balance_within_limits",
            $"{Schema}.fund_within_limits(normal_side, debits_posted, credits_posted, debits_pending, credits_pending, floor_fen, ceiling_fen)"));
        return table;
    }

    private Table MovementTableDefinition()
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(Schema, "fund_movement", Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn("position", "bigserial").AsPrimaryKey();
        table.AddColumn<Guid>("entry_id").NotNull();
        table.AddColumn<string>("account_id").NotNull();
        table.AddColumn("value_date", "date").NotNull();
        table.AddColumn("recorded_at", "timestamptz").NotNull();
        foreach (var counter in Counters)
        {
            table.AddColumn(counter, "bigint").NotNull();
        }

        // The writing transaction's id: the sealer seals only rows whose transaction ended, so it seals in commit order
        // without any writer queueing on a shared row (docs/compensation-fund.md §14).
        table.AddColumn("tx", "xid8").NotNull().DefaultValueByExpression("pg_current_xact_id()");
        table.Indexes.Add(new IndexDefinition("fund_movement_account_value_date") { Columns = ["account_id", "value_date"] });
        // The sealer finds the lines to seal by their writing transaction (those since the last seal's horizon), so it
        // reads only the new lines, not the whole table, every second. No index on entry_id: no query reads lines by
        // entry (measured, docs/compensation-fund.md §12: each index is paid on every line written).
        table.Indexes.Add(new IndexDefinition("fund_movement_tx") { Columns = ["tx"] });
        return table;
    }

    private Table HistoryTableDefinition()
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(Schema, "fund_record_history", Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn("position", "bigserial").AsPrimaryKey();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<Guid>("record_id").NotNull();
        table.AddColumn("recorded_at", "timestamptz").NotNull().DefaultValueByExpression("clock_timestamp()");
        table.AddColumn("state", "jsonb").NotNull();
        table.Indexes.Add(new IndexDefinition("fund_record_history_record") { Columns = ["record_id", "kind"] });
        return table;
    }

    private Table StateTable()
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(Schema, "fund_ledger_state", Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<int>("id").AsPrimaryKey();
        table.AddColumn("closed_through", "date").AllowNulls();
        return table;
    }

    private static readonly string[] Counters = ["debits_posted", "credits_posted", "debits_pending", "credits_pending"];
}
