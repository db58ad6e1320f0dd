using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// The tamper-evidence tables (docs/compensation-fund.md §14): <c>fund_seal</c> (the hash chain, one row per seal),
/// <c>fund_sealed</c> (which movement a seal covers) and <c>fund_period_root</c> (each closed period's Merkle root).
/// All are insert-only.
/// </summary>
public sealed partial class LedgerSchema
{
    public string Seals => $"{Schema}.fund_seal";

    public string Sealed => $"{Schema}.fund_sealed";

    public string PeriodRoots => $"{Schema}.fund_period_root";

    /// <summary>
    /// Makes the event log append-only for the service's own database role: a trigger refuses every UPDATE, DELETE and
    /// TRUNCATE of <c>mt_events</c> (it binds superusers too) and the role gives up those privileges. Run once the event
    /// table exists.
    /// </summary>
    public string ProtectEventsSql => $$"""
        do $protect$
        begin
            if to_regclass('{{Schema}}.mt_events') is null then
                return;
            end if;
            create or replace function {{Schema}}.fund_refuse_change() returns trigger language plpgsql as $f$
            begin
                raise exception using errcode = '{{LedgerErrorCodes.AppendOnly}}', message = 'ledger-append-only:' || tg_table_name;
            end
            $f$;
            create or replace trigger fund_events_append_only before update or delete on {{Schema}}.mt_events
                for each row execute function {{Schema}}.fund_refuse_change();
            create or replace trigger fund_events_no_truncate before truncate on {{Schema}}.mt_events
                for each statement execute function {{Schema}}.fund_refuse_change();
            execute format('revoke update, delete, truncate on {{Schema}}.mt_events from %I', current_user);
            if to_regclass('{{Schema}}.fund_record_history') is not null then
                create or replace trigger fund_history_append_only before update or delete on {{Schema}}.fund_record_history
                    for each row execute function {{Schema}}.fund_refuse_change();
                create or replace trigger fund_history_no_truncate before truncate on {{Schema}}.fund_record_history
                    for each statement execute function {{Schema}}.fund_refuse_change();
                execute format('revoke update, delete, truncate on {{Schema}}.fund_record_history from %I', current_user);
            end if;
        end
        $protect$
        """;

    private Table SealTable()
    {
        var table = new Table(new PostgresqlObjectName(Schema, "fund_seal", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<long>("seq").AsPrimaryKey();
        table.AddColumn<string>("previous_hash").AllowNulls();
        table.AddColumn<string>("hash").NotNull();
        table.AddColumn<int>("lines").NotNull();
        table.AddColumn("sealed_at", "timestamptz").NotNull();

        // Every line written by a transaction older than the horizon (the sealer's snapshot xmin) is sealed by this seal
        // or an earlier one; the next seal looks only at lines from the horizon on. Null on seals written before it existed.
        table.AddColumn("horizon", "xid8").AllowNulls();
        return table;
    }

    private Table SealedTable()
    {
        var table = new Table(new PostgresqlObjectName(Schema, "fund_sealed", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<long>("position").AsPrimaryKey();
        table.AddColumn<long>("seal").NotNull();
        table.Indexes.Add(new IndexDefinition("fund_sealed_seal") { Columns = ["seal"] });
        return table;
    }

    private Table PeriodRootTable()
    {
        var table = new Table(new PostgresqlObjectName(Schema, "fund_period_root", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("period").AsPrimaryKey();
        table.AddColumn<string>("root").NotNull();
        table.AddColumn<int>("lines").NotNull();
        table.AddColumn("computed_at", "timestamptz").NotNull();
        return table;
    }
}
