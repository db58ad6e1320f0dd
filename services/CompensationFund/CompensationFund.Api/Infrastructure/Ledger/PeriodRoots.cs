using CompensationFund.Api.Domain.Periods;
using CompensationFund.Api.Domain.Sealing;
using Npgsql;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>A closed period's published root: the Merkle root of every ledger line valued in it.</summary>
public sealed record PeriodRoot(string Period, string Root, int Lines, DateTimeOffset ComputedAt);

/// <summary>One statement line with the path that proves it is under the period's root.</summary>
public sealed record LineProof(LedgerLine Line, string Canonical, string LeafHash, int Index, IReadOnlyList<ProofStep> Path);

/// <summary>A city's proofs for a closed period, and whether the ledger still gives the published root.</summary>
public sealed record PeriodProofs(PeriodRoot Published, bool LedgerMatchesRoot, IReadOnlyList<LineProof> Lines);

/// <summary>
/// Publishes each closed period's Merkle root (computed inside the close's transaction, when no line can be dated into
/// the period any more) and proves a city's lines against it (docs/compensation-fund.md §14).
/// </summary>
public sealed class PeriodRoots(NpgsqlDataSource dataSource, LedgerSchema schema)
{
    public async Task<PeriodRoot> PublishAsync(NpgsqlConnection connection, AccountingPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lines = await LedgerLines.OfPeriodAsync(connection, schema, period.FirstDay, period.LastDay, cancellationToken);
        var root = new PeriodRoot(period.ToString(), MerkleTree.Hex(MerkleTree.Root([.. lines.Select(l => l.LeafHash)])), lines.Count, now);
        await using var command = new NpgsqlCommand($"insert into {schema.PeriodRoots} (period, root, lines, computed_at) values ($1, $2, $3, $4)", connection);
        command.Parameters.AddWithValue(root.Period);
        command.Parameters.AddWithValue(root.Root);
        command.Parameters.AddWithValue(root.Lines);
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return root;
    }

    public async Task<PeriodRoot?> FindAsync(AccountingPeriod period, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select period, root, lines, computed_at from {schema.PeriodRoots} where period = $1");
        command.Parameters.AddWithValue(period.ToString());
        return await ReadRootAsync(command, cancellationToken);
    }

    /// <summary>The most recent closed period with a published root, or null before the first close.</summary>
    public async Task<AccountingPeriod?> LatestClosedAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select period, root, lines, computed_at from {schema.PeriodRoots} order by period desc limit 1");
        return await ReadRootAsync(command, cancellationToken) is { } root && AccountingPeriod.TryParse(root.Period, out var period) ? period : null;
    }

    private static async Task<PeriodRoot?> ReadRootAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PeriodRoot(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    /// <summary>Proofs for the lines of the accounts <paramref name="accountPrefix"/> names; null when the period has no published root.</summary>
    public async Task<PeriodProofs?> ProveAsync(AccountingPeriod period, string accountPrefix, CancellationToken cancellationToken)
    {
        if (await FindAsync(period, cancellationToken) is not { } published)
        {
            return null;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lines = await LedgerLines.OfPeriodAsync(connection, schema, period.FirstDay, period.LastDay, cancellationToken);
        var leaves = lines.Select(l => l.LeafHash).ToList();
        var proofs = lines.Select((line, index) => (line, index))
            .Where(x => x.line.Account.StartsWith(accountPrefix, StringComparison.Ordinal))
            .Select(x => new LineProof(x.line, x.line.Canonical, MerkleTree.Hex(leaves[x.index]), x.index, MerkleTree.Proof(leaves, x.index)))
            .ToList();
        return new PeriodProofs(published, MerkleTree.Hex(MerkleTree.Root(leaves)) == published.Root, proofs);
    }
}
