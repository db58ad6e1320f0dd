using Npgsql;

namespace Platform.Gateway.Identity.Storage;

/// <summary>
/// Creates the gateway's tables when missing: at start, or alone as the migration step (<c>--migrate</c>, the chart's
/// migration Job). People kept by an earlier version as Marten documents (<c>mt_doc_person</c>) are copied over once,
/// so an upgrade keeps every account, its password and its lockout.
/// </summary>
public sealed class IdentityTables(NpgsqlDataSource dataSource, ILogger<IdentityTables> logger) : IHostedService
{
    /// <remarks>
    /// Implementation note: <c>version</c> is the optimistic-concurrency token of a person's row (the failed-attempt count
    /// must not lose an update, see <see cref="People.PersonDirectory.SignInAsync"/>). A redeemed code's id is the SHA-256
    /// of the code; its primary key is what refuses a second exchange.
    /// </remarks>
    private const string CreateSql = $"""
        create schema if not exists "{IdentityDatabase.Schema}";
        create table if not exists {IdentityDatabase.People} (
            username text primary key,
            display_name text not null,
            password_hash text not null,
            role text not null,
            city_id text,
            evaluator_id text,
            failed_attempts integer not null default 0,
            locked_out_until timestamptz,
            version bigint not null default 0);
        create table if not exists {IdentityDatabase.RedeemedCodes} (
            code_hash text primary key,
            redeemed_at timestamptz not null);
        do $$ begin
            if to_regclass('"{IdentityDatabase.Schema}".mt_doc_person') is not null then
                insert into {IdentityDatabase.People}
                    (username, display_name, password_hash, role, city_id, evaluator_id, failed_attempts, locked_out_until)
                select id, data->>'displayName', data->>'passwordHash', data->>'role', data->>'cityId', data->>'evaluatorId',
                       coalesce((data->>'failedAttempts')::integer, 0), (data->>'lockedOutUntil')::timestamptz
                from "{IdentityDatabase.Schema}".mt_doc_person
                on conflict (username) do nothing;
            end if;
        end $$;
        """;

    public Task StartAsync(CancellationToken cancellationToken) => ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <remarks>
    /// Implementation note: replicas starting together would race on the DDL (PostgreSQL's <c>if not exists</c> is not
    /// safe under concurrency), so the step holds the same per-schema advisory lock as the services' store initializer.
    /// </remarks>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("select pg_advisory_lock(hashtext('platform-migrate:' || @schema))", connection))
        {
            take.Parameters.AddWithValue("schema", IdentityDatabase.Schema);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using var create = new NpgsqlCommand(CreateSql, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Schema {Schema} is up to date", IdentityDatabase.Schema);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(hashtext('platform-migrate:' || @schema))", connection);
            release.Parameters.AddWithValue("schema", IdentityDatabase.Schema);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
