namespace CompensationFund.Api.Infrastructure.Ledger;

/// <remarks>
/// Implementation note: <c>fund_within_limits</c> is the SQL twin of <c>AccountLimit.Admits</c> (normal side 1 =
/// debit, −1 = credit; pending amounts count in the direction that could break the limit). It guards both the
/// table's <c>CHECK</c> and the update in <c>fund_apply_movements</c>, whose <c>WHERE</c> fails instead of the
/// constraint so the error can name the account (SQLSTATE FL002). One statement first locks the call's balance rows in
/// byte order of their ids (<c>collate "C"</c>, the same as C#'s ordinal order): every writer locks rows in one global
/// order, so two entries never deadlock. Then one <c>UPDATE</c> writes them all (the table's checks are prepared once
/// per statement: one per account cost 7 % of the benchmark's CPU, docs/compensation-fund.md §12); an account it did
/// not update is the refused one. No <c>EXCEPTION</c> block: each would open a subtransaction per call. The functions are
/// written the way <c>pg_get_functiondef</c> prints them, so the schema migration sees no difference after a start
/// (a difference would drop and re-create <c>fund_within_limits</c>, cascading to the table's check).
///
/// Point in time: an entry that lowers a floored account and is dated before the account's latest movement
/// is checked against the account's balance at the end of every later value date (today's balance minus what is dated
/// after that day); the first day below the floor refuses the transaction (FL006). The balance update itself returns
/// which of its accounts have a floor and were lowered, from which date, and their new balance, so only those are walked
/// and the common call (no floor lowered) reads the balances no second time (measured: that join was 14 µs of database
/// time per benchmark entry, docs/compensation-fund.md §12). The rows of one account are
/// written under its row lock, so the walk sees every earlier writer. A movement's <c>recorded_at</c> is the
/// database's clock when the row is written under that lock (<c>clock_timestamp()</c>), not the application's: per
/// account it follows commit order whatever clock a replica has (<c>p_recorded_at</c> is kept for the signature and
/// ignored).
///
/// Generic plans: every statement of <c>fund_apply_movements</c> finds its rows through a key (an account, an account
/// and a date), so one plan fits all calls; left to choose, PostgreSQL planned the statements afresh on every call
/// (custom plans, with the arrays inlined as constants). Measured on the benchmark's database: 680 µs of CPU per
/// two-line call with custom plans, 320 µs with generic ones (docs/compensation-fund.md §12). The generic plan is made once
/// per connection, at its first call, and kept: made while the balance table was a page or two, it read the balances by a
/// sequential scan, and kept doing so when a busy ledger's table had grown to a hundred and fifty pages of row versions
/// not yet vacuumed (measured: two scans per call, about 4 % of the machine's CPU under the benchmark). Sequential scans
/// are therefore off inside <c>fund_apply_movements</c>, for calls of up to <see cref="BulkLines"/> lines: every statement
/// of it has its key's index. A larger call (a batch of hundreds of entries touches most accounts) goes to its twin
/// <c>fund_apply_movements_bulk</c>, the same body planned for each call with its arrays' real sizes (custom plans): a
/// generic plan assumes ten rows and looks each account up by index, which halved the batch endpoint's rate (measured);
/// for a call of hundreds of lines the planning costs little and it reads the balance table once.
/// </remarks>
public sealed partial class LedgerSchema
{
    private string WithinLimitsSql => $$"""
        CREATE OR REPLACE FUNCTION {{Schema}}.fund_within_limits(p_side smallint, p_dp bigint, p_cp bigint, p_dq bigint, p_cq bigint, p_floor bigint, p_ceiling bigint)
         RETURNS boolean
         LANGUAGE sql
         IMMUTABLE
        AS $function$
            select (p_floor is null or p_side * (p_dp - p_cp) - case when p_side = 1 then p_cq else p_dq end >= p_floor)
               and (p_ceiling is null or p_side * (p_dp - p_cp) + case when p_side = 1 then p_dq else p_cq end <= p_ceiling)
        $function$;
        """;

    private string ApplyMovementsSql(string name, bool byIndex) => $$"""
        CREATE OR REPLACE FUNCTION {{Schema}}.{{name}}(p_entry_ids uuid[], p_value_dates date[], p_recorded_at timestamp with time zone[], p_accounts text[], p_dp bigint[], p_cp bigint[], p_dq bigint[], p_cq bigint[])
         RETURNS void
         LANGUAGE plpgsql
         SET plan_cache_mode TO {{(byIndex ? "'force_generic_plan'\n SET enable_seqscan TO 'off'" : "'force_custom_plan'")}}
        AS $function$
        declare
            v_closed date;
            v_broken date;
            v_updated text[];
            v_refused text;
            v_floored text[];
            v_since date[];
            v_side smallint[];
            v_floor bigint[];
            v_live bigint[];
        begin
            perform pg_advisory_xact_lock_shared({{PeriodLockKey}});
            select closed_through into v_closed from {{Schema}}.fund_ledger_state where id = 1;
            if v_closed is not null and exists (select 1 from unnest(p_value_dates) d where d <= v_closed) then
                raise exception using errcode = '{{LedgerErrorCodes.PeriodClosed}}', message = format('period-closed:%s', v_closed);
            end if;
            perform 1 from {{Schema}}.fund_balance b where b.account_id = any (p_accounts) order by b.account_id collate "C" for update;
            with m as (
                select m.account, sum(m.dp)::bigint as dp, sum(m.cp)::bigint as cp, sum(m.dq)::bigint as dq, sum(m.cq)::bigint as cq,
                       min(m.value_date) filter (where m.dp > m.cp) as debited_since, min(m.value_date) filter (where m.dp < m.cp) as credited_since
                from unnest(p_accounts, p_value_dates, p_dp, p_cp, p_dq, p_cq) as m(account, value_date, dp, cp, dq, cq)
                group by m.account
            ), u as (
                update {{Schema}}.fund_balance b
                   set debits_posted = b.debits_posted + m.dp, credits_posted = b.credits_posted + m.cp,
                       debits_pending = b.debits_pending + m.dq, credits_pending = b.credits_pending + m.cq
                  from m
                 where b.account_id = m.account
                   and b.debits_pending + m.dq >= 0 and b.credits_pending + m.cq >= 0
                   and {{Schema}}.fund_within_limits(b.normal_side, b.debits_posted + m.dp, b.credits_posted + m.cp,
                       b.debits_pending + m.dq, b.credits_pending + m.cq, b.floor_fen, b.ceiling_fen)
                returning b.account_id, b.normal_side, b.floor_fen, b.debits_posted - b.credits_posted as live,
                          case when b.normal_side = 1 then m.credited_since else m.debited_since end as lowered_since
            )
            select array_agg(u.account_id),
                   array_agg(u.account_id) filter (where u.floor_fen is not null and u.lowered_since is not null),
                   array_agg(u.lowered_since) filter (where u.floor_fen is not null and u.lowered_since is not null),
                   array_agg(u.normal_side) filter (where u.floor_fen is not null and u.lowered_since is not null),
                   array_agg(u.floor_fen) filter (where u.floor_fen is not null and u.lowered_since is not null),
                   array_agg(u.live) filter (where u.floor_fen is not null and u.lowered_since is not null)
              into v_updated, v_floored, v_since, v_side, v_floor, v_live
              from u;
            select a.account into v_refused from unnest(p_accounts) as a(account)
             where a.account <> all (coalesce(v_updated, '{}'::text[])) order by a.account collate "C" limit 1;
            if found then
                if exists (select 1 from {{Schema}}.fund_balance where account_id = v_refused) then
                    raise exception using errcode = '{{LedgerErrorCodes.LimitExceeded}}', message = format('limit-exceeded:%s', v_refused);
                end if;
                raise exception using errcode = '{{LedgerErrorCodes.UnknownAccount}}', message = format('unknown-account:%s', v_refused);
            end if;
            insert into {{Schema}}.fund_movement
                (entry_id, account_id, value_date, recorded_at, debits_posted, credits_posted, debits_pending, credits_pending)
            select m.entry_id, m.account, m.value_date, clock_timestamp(), m.dp, m.cp, m.dq, m.cq
            from unnest(p_entry_ids, p_accounts, p_value_dates, p_dp, p_cp, p_dq, p_cq) as m(entry_id, account, value_date, dp, cp, dq, cq);
            for i in 1 .. coalesce(array_length(v_floored, 1), 0) loop
                continue when not exists (select 1 from {{Schema}}.fund_movement f where f.account_id = v_floored[i] and f.value_date > v_since[i]);
                select r.value_date into v_broken
                from (select l.value_date,
                             v_side[i] * (v_live[i] - coalesce(sum(l.net) over (order by l.value_date desc rows between unbounded preceding and 1 preceding), 0)) as balance
                      from (select f.value_date, sum(f.debits_posted - f.credits_posted) as net
                            from {{Schema}}.fund_movement f
                            where f.account_id = v_floored[i] and f.value_date >= v_since[i]
                            group by f.value_date) l) r
                where r.balance < v_floor[i]
                order by r.value_date
                limit 1;
                if found then
                    raise exception using errcode = '{{LedgerErrorCodes.LimitBrokenLater}}', message = format('limit-exceeded-on:%s:%s', v_broken, v_floored[i]);
                end if;
            end loop;
        end
        $function$;
        """;

    private string SetLimitsSql => $$"""
        CREATE OR REPLACE FUNCTION {{Schema}}.fund_set_limits(p_account text, p_floor bigint, p_ceiling bigint)
         RETURNS void
         LANGUAGE plpgsql
        AS $function$
        begin
            update {{Schema}}.fund_balance b set floor_fen = p_floor, ceiling_fen = p_ceiling
             where b.account_id = p_account
               and {{Schema}}.fund_within_limits(b.normal_side, b.debits_posted, b.credits_posted, b.debits_pending, b.credits_pending, p_floor, p_ceiling);
            if not found then
                raise exception using errcode = '{{LedgerErrorCodes.LimitAlreadyBroken}}', message = format('limit-broken:%s', p_account);
            end if;
        end
        $function$;
        """;
}
