using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Tests.Support;
using Marten;

namespace CompensationFund.Tests.Compensation;

/// <summary>
/// Two decisions on one proposal, each from the state it loaded (a hold-back release and a disbursement, say): the one
/// that commits second is refused whole — its ledger movements with it — never applied beside a proposal left as the
/// other one wrote it. The ledger's movements are queued before the proposal's write, as every decision does.
/// </summary>
public sealed class ProposalConcurrencyTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task ADecisionFromAStaleProposalIsRefusedWithItsLedgerMovements()
    {
        var store = fund.Get<IDocumentStore>();
        var ledger = fund.Get<FundLedger>();
        var id = Guid.NewGuid();
        await using (var create = store.LightweightSession())
        {
            create.Insert(new CompensationProposal { Id = id, CityId = "x", Status = ProposalStatus.Approved });
            await create.SaveChangesAsync();
        }

        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        var released = await first.LoadAsync<CompensationProposal>(id);
        var disbursed = await second.LoadAsync<CompensationProposal>(id);
        released!.HoldBackReleased = true;
        first.Store(released);
        await first.SaveChangesAsync();

        var entryId = Guid.NewGuid();
        LedgerChange[] changes = [LedgerChange.New(new EntryDraft(LedgerGen.Header(), Today, [JournalLine.Debit("fund:bank", 1), JournalLine.Credit("fund:pool", 1)]).Post(entryId, DateTimeOffset.UtcNow))];
        ledger.Record(second, changes);
        disbursed!.Paid = 100;
        second.Store(disbursed);
        await Assert.ThrowsAnyAsync<Exception>(() => ledger.CommitAsync(second, changes, CancellationToken.None));

        await using var check = store.QuerySession();
        var stored = await check.LoadAsync<CompensationProposal>(id);
        Assert.True(stored!.HoldBackReleased);
        Assert.Equal(0, stored.Paid);
        Assert.Null(await ledger.LoadAsync(check, entryId, CancellationToken.None));
    }
}
