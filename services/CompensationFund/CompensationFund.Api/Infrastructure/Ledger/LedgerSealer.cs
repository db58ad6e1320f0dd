using CompensationFund.Api.Domain.Sealing;
using Npgsql;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>A seal of the chain that no longer matches the lines it covers.</summary>
public sealed record BrokenSeal(long Seq, string Reason);

/// <summary>The chain check: how many seals and lines were verified, and which seals are broken.</summary>
public sealed record ChainCheck(long Seals, long Lines, long Unsealed, IReadOnlyList<BrokenSeal> Broken)
{
    public bool Intact => Broken.Count == 0;
}

/// <summary>
/// Seals the ledger's lines into a hash chain shortly after they commit (docs/compensation-fund.md §14): each
/// seal covers the lines committed since the previous seal and the previous seal's hash, so editing, deleting or
/// re-ordering any sealed line breaks every later seal, and <see cref="CheckAsync"/> finds it.
/// </summary>
/// <remarks>
/// Implementation note: postings never touch the chain — a shared "last hash" row would make every concurrent posting
/// queue on one row lock. Instead a single sealer (a transaction-scoped advisory lock elects it across replicas) takes
/// the lines whose writing transaction ended before its snapshot's oldest running one (<c>tx &lt;
/// pg_snapshot_xmin(pg_current_snapshot())</c>), so no line can later appear "before" a seal it should have been in.
/// Each seal stores that xmin as its horizon: every line of an older transaction is sealed by then, so the next seal reads
/// only lines with <c>tx</c> from the horizon on (an index range), not the whole table — measured, the whole-table
/// anti-join every second had become the ledger's largest database cost (docs/compensation-fund.md §12).
/// </remarks>
public sealed class LedgerSealer(NpgsqlDataSource dataSource, LedgerSchema schema, IConfiguration configuration, TimeProvider clock, ILogger<LedgerSealer> logger)
    : BackgroundService
{
    public const long SealLockKey = 0x46554E445345414C;
    private const int MaxLinesPerSeal = 20_000;
    private bool _eventsProtected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Fund:SealInterval", TimeSpan.FromSeconds(1)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SealAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sealing the ledger failed; retrying next tick");
            }
        }
    }

    /// <summary>Seals the lines committed since the last seal; returns how many (0 when another replica holds the sealer's lock).</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!_eventsProtected)
        {
            await using var exists = new NpgsqlCommand($"select to_regclass('{schema.Schema}.mt_events') is not null", connection);
            if (await exists.ExecuteScalarAsync(cancellationToken) is true)
            {
                await using var protect = new NpgsqlCommand(schema.ProtectEventsSql, connection);
                await protect.ExecuteNonQueryAsync(cancellationToken);
                _eventsProtected = true;
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var locking = new NpgsqlCommand($"select pg_try_advisory_xact_lock({SealLockKey})", connection, transaction))
        {
            if (await locking.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        long seq = 0;
        string? previous = null;
        var since = "0";
        await using (var last = new NpgsqlCommand($"select seq, hash, horizon::text from {schema.Seals} order by seq desc limit 1", connection, transaction))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                (seq, previous, since) = (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? "0" : reader.GetString(2));
            }
        }

        var lines = new List<LedgerLine>();
        string? horizon = null;
        await using (var unsealed = new NpgsqlCommand(
            $"""
            select {LedgerLines.Columns}, pg_snapshot_xmin(pg_current_snapshot())::text from {schema.MovementTable} m
            where m.tx >= $1::xid8 and m.tx < pg_snapshot_xmin(pg_current_snapshot())
              and not exists (select 1 from {schema.Sealed} s where s.position = m.position)
            order by m.position limit {MaxLinesPerSeal}
            """,
            connection,
            transaction))
        {
            unsealed.Parameters.AddWithValue(since);
            await using var reader = await unsealed.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(LedgerLines.Read(reader));
                horizon = reader.GetString(9);
            }
        }

        if (lines.Count == 0)
        {
            return 0;
        }

        // A seal cut short by the limit leaves older lines unsealed: the horizon stays where it was, so the next seal
        // looks at them again.
        horizon = lines.Count == MaxLinesPerSeal ? since : horizon;
        await using (var insert = new NpgsqlCommand(
            $"insert into {schema.Seals} (seq, previous_hash, hash, lines, sealed_at, horizon) values ($1, $2, $3, $4, $5, $6::xid8)", connection, transaction))
        {
            insert.Parameters.AddWithValue(seq + 1);
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)previous ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.AddWithValue(LedgerLine.Seal(previous, lines));
            insert.Parameters.AddWithValue(lines.Count);
            insert.Parameters.AddWithValue(clock.GetUtcNow());
            insert.Parameters.AddWithValue(horizon!);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var cover = new NpgsqlCommand($"insert into {schema.Sealed} (position, seal) select unnest($1::bigint[]), $2", connection, transaction))
        {
            cover.Parameters.AddWithValue(lines.Select(l => l.Position).ToArray());
            cover.Parameters.AddWithValue(seq + 1);
            await cover.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return lines.Count;
    }

    /// <summary>Recomputes every seal from the lines as they stand now and the previous seal's hash.</summary>
    public async Task<ChainCheck> CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var seals = new List<(long Seq, string? Previous, string Hash, int Lines)>();
        await using (var command = new NpgsqlCommand($"select seq, previous_hash, hash, lines from {schema.Seals} order by seq", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                seals.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        var covered = new Dictionary<long, List<LedgerLine?>>();
        await using (var command = new NpgsqlCommand(
            $"select s.seal, {LedgerLines.Columns} from {schema.Sealed} s left join {schema.MovementTable} m on m.position = s.position order by s.seal, s.position", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var list = covered.TryGetValue(reader.GetInt64(0), out var l) ? l : covered[reader.GetInt64(0)] = [];
                list.Add(reader.IsDBNull(1) ? null : LedgerLines.Read(reader, 1));
            }
        }

        var broken = new List<BrokenSeal>();
        string? previous = null;
        foreach (var seal in seals)
        {
            var lines = covered.GetValueOrDefault(seal.Seq) ?? [];
            if (seal.Previous != previous)
            {
                broken.Add(new BrokenSeal(seal.Seq, "does not link to the previous seal"));
            }
            else if (lines.Count != seal.Lines || lines.Any(l => l is null))
            {
                broken.Add(new BrokenSeal(seal.Seq, $"covered {seal.Lines} lines, {lines.Count(l => l is not null)} remain"));
            }
            else if (LedgerLine.Seal(previous, lines!) != seal.Hash)
            {
                broken.Add(new BrokenSeal(seal.Seq, "its lines changed after they were sealed"));
            }

            previous = seal.Hash;
        }

        long unsealedCount;
        await using (var command = new NpgsqlCommand(
            $"select count(*) from {schema.MovementTable} m where not exists (select 1 from {schema.Sealed} s where s.position = m.position)", connection))
        {
            unsealedCount = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return new ChainCheck(seals.Count, covered.Values.Sum(l => (long)l.Count), unsealedCount, broken);
    }
}
