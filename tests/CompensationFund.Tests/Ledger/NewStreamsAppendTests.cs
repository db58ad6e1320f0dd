using System.Text.Json;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Tests.Support;
using Marten;
using Npgsql;
using Platform.Persistence;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// A group's new entries start their streams in two statements (<see cref="NewStreamsAppend"/>) instead of Marten's two
/// per entry: the rows are the ones Marten writes, Marten reads them back as its own, and a stream that exists already
/// fails the whole append.
/// </summary>
public sealed class NewStreamsAppendTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task TheRowsWrittenTogetherAreTheRowsMartenWrites()
    {
        var accounts = await fund.OpenIncomeAccountsAsync("same-rows", 2);
        var recordedAt = DateTimeOffset.UtcNow;
        var byMarten = Posted(accounts, recordedAt);
        var reserved = LedgerChange.New(Draft(accounts, 3).Reserve(Guid.NewGuid(), recordedAt, recordedAt.AddDays(3)));
        var together = new[] { Posted(accounts, recordedAt), reserved, Posted(accounts, recordedAt) };
        var reservedByMarten = LedgerChange.New(Draft(accounts, 3).Reserve(Guid.NewGuid(), recordedAt, recordedAt.AddDays(3)));
        var ledger = fund.Get<FundLedger>();
        var before = DateTimeOffset.UtcNow;

        await using (var session = fund.Get<IDocumentStore>().LightweightSession())
        {
            ledger.Record(session, [byMarten, reservedByMarten]);
            await session.SaveChangesAsync();
        }

        await using (var session = fund.Get<IDocumentStore>().LightweightSession())
        {
            ledger.RecordNewTogether(session, together);
            await session.SaveChangesAsync();
        }

        var after = DateTimeOffset.UtcNow;
        var marten = await RowAsync(byMarten.Stream);
        foreach (var (change, model) in new[] { (together[0], marten), (together[1], await RowAsync(reservedByMarten.Stream)), (together[2], marten) })
        {
            var row = await RowAsync(change.Stream);
            Assert.Equal(model.Stream, row.Stream);
            Assert.Equal(model.Event, row.Event);
            Assert.Equal(model.Body, row.Body);
            Assert.InRange(row.Timestamp, before.AddSeconds(-1), after.AddSeconds(1));
        }

        // The sequence is taken in the group's order, after what committed before.
        var sequence = await Task.WhenAll(together.Select(async c => (await RowAsync(c.Stream)).Sequence));
        Assert.Equal(sequence.Order(), sequence);
        Assert.True(sequence[0] > (await RowAsync(reservedByMarten.Stream)).Sequence);

        // Marten reads them back as its own: the same events, folded into the same entries.
        await using var query = fund.Get<IDocumentStore>().QuerySession();
        foreach (var change in together)
        {
            var events = await query.Events.FetchStreamAsync(change.Stream);
            var only = Assert.Single(events);
            Assert.Equal(1, only.Version);
            Assert.Equal(change.Event.GetType(), only.Data.GetType());
            Assert.Equal(JsonSerializer.Serialize(change.Event, change.Event.GetType()), JsonSerializer.Serialize(only.Data, only.Data.GetType()));
        }

        Assert.Equal(EntryStatus.Pending, (await ledger.RequireAsync(query, reserved.Stream, default)).Status);
        var balance = (await fund.Get<BalanceReader>().LiveAsync([accounts[1]], default))[accounts[1]].Balance;
        Assert.Equal(new(0, 3 * 100, 0, 2 * 3), balance);
    }

    [Fact]
    public async Task AStreamThatExistsFailsTheWholeAppendAndWritesNothing()
    {
        var accounts = await fund.OpenIncomeAccountsAsync("collision", 2);
        var existing = Posted(accounts, DateTimeOffset.UtcNow);
        await using (var session = fund.Get<IDocumentStore>().LightweightSession())
        {
            fund.Get<FundLedger>().Record(session, [existing]);
            await session.SaveChangesAsync();
        }

        var fresh = Posted(accounts, DateTimeOffset.UtcNow);
        await using (var session = fund.Get<IDocumentStore>().LightweightSession())
        {
            fund.Get<FundLedger>().RecordNewTogether(session, [fresh, existing]);
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
            Assert.True(UniqueViolation.IsOn(failure, "mt_streams"), $"not the stream's primary key: {failure}");
        }

        await using var query = fund.Get<IDocumentStore>().QuerySession();
        Assert.Empty(await query.Events.FetchStreamAsync(fresh.Stream));
        Assert.Single(await query.Events.FetchStreamAsync(existing.Stream));
        Assert.Equal(new(0, 100, 0, 0), (await fund.Get<BalanceReader>().LiveAsync([accounts[1]], default))[accounts[1]].Balance);
    }

    [Fact]
    public void AChangeToAnExistingStreamIsNotAppendedTogether()
    {
        var accounts = new[] { "fund:income:a", "fund:income:b" };
        var decision = new LedgerChange(Guid.NewGuid(), 1, new ReservationVoided(Guid.NewGuid(), Today, DateTimeOffset.UtcNow, [], "test", "tester", Expired: false));
        using var session = fund.Get<IDocumentStore>().LightweightSession();

        var refusal = Assert.Throws<ArgumentException>(() => fund.Get<FundLedger>().RecordNewTogether(session, [Posted(accounts, DateTimeOffset.UtcNow), decision]));

        Assert.Contains(decision.Stream.ToString(), refusal.Message);
    }

    private static EntryDraft Draft(string[] accounts, long fen) =>
        new(LedgerGen.Header(), Today, [JournalLine.Debit(accounts[0], fen), JournalLine.Credit(accounts[1], fen)]);

    private static LedgerChange Posted(string[] accounts, DateTimeOffset recordedAt) => LedgerChange.New(Draft(accounts, 100).Post(Guid.NewGuid(), recordedAt));

    /// <summary>
    /// An entry's rows in Marten's tables, every column but those that differ between any two entries (ids, sequence,
    /// times) as JSON, and the event's body without its entry id.
    /// </summary>
    private async Task<(string Stream, string Event, string Body, long Sequence, DateTimeOffset Timestamp)> RowAsync(Guid stream)
    {
        var schema = fund.Get<LedgerSchema>().Schema;
        await using var command = fund.Get<NpgsqlDataSource>().CreateCommand(
            $"""
             select (to_jsonb(s) - 'id' - 'timestamp' - 'created')::text,
                    (to_jsonb(e) - 'id' - 'stream_id' - 'seq_id' - 'timestamp' - 'data')::text,
                    (e.data - 'entryId')::text, e.seq_id, e.timestamp
             from {schema}.mt_streams s join {schema}.mt_events e on e.stream_id = s.id
             where s.id = $1
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no stream {stream}");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4));
    }
}
