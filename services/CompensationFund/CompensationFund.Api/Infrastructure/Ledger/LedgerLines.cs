using CompensationFund.Api.Domain.Sealing;
using Npgsql;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>The SQL that reads the ledger's lines for sealing, checking the chain, and a period's Merkle tree.</summary>
public static class LedgerLines
{
    public const string Columns = "m.position, m.entry_id, m.account_id, m.value_date, m.recorded_at, m.debits_posted, m.credits_posted, m.debits_pending, m.credits_pending";

    public static LedgerLine Read(NpgsqlDataReader reader, int offset = 0) => new(
        reader.GetInt64(offset),
        reader.GetGuid(offset + 1),
        reader.GetString(offset + 2),
        reader.GetFieldValue<DateOnly>(offset + 3),
        LedgerLine.Micros(reader.GetFieldValue<DateTimeOffset>(offset + 4)),
        reader.GetInt64(offset + 5),
        reader.GetInt64(offset + 6),
        reader.GetInt64(offset + 7),
        reader.GetInt64(offset + 8));

    /// <summary>Every line valued in [<paramref name="first"/>, <paramref name="last"/>], in position order: the leaves of the period's tree.</summary>
    public static async Task<List<LedgerLine>> OfPeriodAsync(NpgsqlConnection connection, LedgerSchema schema, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select {Columns} from {schema.MovementTable} m where m.value_date between $1 and $2 order by m.position", connection);
        command.Parameters.AddWithValue(first);
        command.Parameters.AddWithValue(last);
        var lines = new List<LedgerLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(Read(reader));
        }

        return lines;
    }
}
