using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Reconciliation;
using CompensationFund.Api.Domain.Settlement;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Domain.Reconciliation;

/// <summary>
/// The reconciliation report's checks on their own (docs/compensation-fund.md, reconciliation): a finalized allocation
/// against its settlement entries, a compensation decision against its reservations, and an entry's source.
/// </summary>
public sealed class ReconciliationRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);

    private static string Receivable(string city) => $"city:{city}:settlement-receivable";

    private static string Payable(string city) => $"city:{city}:settlement-payable";

    private static JournalEntry Posted(Guid id, params JournalLine[] lines) =>
        JournalEntry.Fold([new EntryDraft(LedgerGen.Header(), Today, lines).Post(id, Now)]);

    private static JournalEntry Reserved(Guid id, long amount) =>
        JournalEntry.Fold([new EntryDraft(LedgerGen.Header(), Today, [JournalLine.Debit("fund:pool", amount), JournalLine.Credit("city:a:compensation-payable", amount)])
            .Reserve(id, Now, Now.AddDays(7))]);

    /// <summary>City a owes 300 and city b is owed 300, through the clearing account.</summary>
    private static (AllocationSettlement Record, Dictionary<Guid, JournalEntry> Entries) Settled(long postedForB = 300)
    {
        var entry = Guid.NewGuid();
        var record = new AllocationSettlement
        {
            Id = Guid.NewGuid(), EntryId = entry, Instructed = new Dictionary<string, long> { ["a"] = 300, ["b"] = -300 },
        };
        var lines = new[]
        {
            JournalLine.Debit(Receivable("a"), 300), JournalLine.Credit(FundAccounts.Clearing, 300),
            JournalLine.Debit(FundAccounts.Clearing, postedForB), JournalLine.Credit(Payable("b"), postedForB),
        };
        return (record, new Dictionary<Guid, JournalEntry> { [entry] = Posted(entry, lines) });
    }

    [Fact]
    public void ASettlementPostedAsInstructedReconciles()
    {
        var (record, entries) = Settled();

        Assert.Empty(ReconciliationRules.Allocation(record, entries));
    }

    [Fact]
    public void ASettlementEntryMissingFromTheLedgerIsReported()
    {
        var (record, _) = Settled();

        var found = Assert.Single(ReconciliationRules.Allocation(record, new Dictionary<Guid, JournalEntry>()), d => d.Detail.Contains("missing", StringComparison.Ordinal));

        Assert.Equal(("allocation", record.Id.ToString(), $"settlement entry {record.EntryId} is missing from the ledger"), (found.Area, found.Subject, found.Detail));
    }

    [Fact]
    public void ACityPostedOtherThanInstructedIsReportedWithBothAmounts()
    {
        var (record, entries) = Settled(postedForB: 250);

        var found = ReconciliationRules.Allocation(record, entries).ToList();

        Assert.Contains(found, d => d.Detail == "b: instructions -3.00, posted -2.50");
        Assert.DoesNotContain(found, d => d.Detail.StartsWith("a:", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Detail == "clearing does not net to zero: -0.50");
    }

    [Fact]
    public void AnAdjustmentCountsItsDifferencesAndItsEntry()
    {
        var (record, entries) = Settled();
        var adjustment = Guid.NewGuid();
        record.Adjustments.Add(new SettlementAdjustment(Guid.NewGuid(), adjustment, new Dictionary<string, long> { ["a"] = 50, ["c"] = -50 }, "correction"));
        entries[adjustment] = Posted(adjustment, JournalLine.Debit(Receivable("a"), 50), JournalLine.Credit(Payable("c"), 50));

        Assert.Empty(ReconciliationRules.Allocation(record, entries));

        entries.Remove(adjustment);
        var found = ReconciliationRules.Allocation(record, entries).Select(d => d.Detail).ToList();
        Assert.Contains($"settlement entry {adjustment} is missing from the ledger", found);
        Assert.Contains("a: instructions 3.50, posted 3.00", found);
        Assert.Contains("c: instructions -0.50, posted 0.00", found);
    }

    [Fact]
    public void ASupersededAllocationThatNeverPostedHasNothingToReconcile()
    {
        var (record, _) = Settled();
        record.EntryId = null;
        record.Supersedes = Guid.NewGuid();

        Assert.Empty(ReconciliationRules.Allocation(record, new Dictionary<Guid, JournalEntry>()));
    }

    [Fact]
    public void InstructionsOfAnAllocationNotYetPostedAreNotExpected()
    {
        var (record, _) = Settled();
        record.EntryId = null;

        Assert.Empty(ReconciliationRules.Allocation(record, new Dictionary<Guid, JournalEntry>()));
    }

    [Fact]
    public void OnlyACitysSettlementAccountsCountForTheCity()
    {
        var entry = Guid.NewGuid();
        var record = new AllocationSettlement { Id = Guid.NewGuid(), EntryId = entry, Instructed = new Dictionary<string, long>() };
        var entries = new Dictionary<Guid, JournalEntry>
        {
            [entry] = Posted(entry, JournalLine.Debit("city:a:compensation-payable", 100), JournalLine.Credit("fund:pool", 60), JournalLine.Credit("town:a:settlement-payable", 40)),
        };

        Assert.Empty(ReconciliationRules.Allocation(record, entries));
    }

    private static (CompensationProposal Proposal, Dictionary<Guid, JournalEntry> Entries) Approved(ProposalStatus status = ProposalStatus.Approved)
    {
        var main = Guid.NewGuid();
        var holdBack = Guid.NewGuid();
        var proposal = new CompensationProposal
        {
            Id = Guid.NewGuid(), CityId = "a", Status = status, Approved = 1_000, Payable = 800, Paid = 800,
            MainReservation = main, HoldBackReservation = holdBack,
        };
        return (proposal, new Dictionary<Guid, JournalEntry> { [main] = Reserved(main, 800), [holdBack] = Reserved(holdBack, 200) });
    }

    [Theory]
    [InlineData(ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Paid)]
    public void ACompensationReservedAsApprovedReconciles(ProposalStatus status)
    {
        var (proposal, entries) = Approved(status);

        Assert.Empty(ReconciliationRules.Compensation(proposal, entries));
    }

    [Fact]
    public void AProposalNotYetApprovedIsNotChecked()
    {
        var (proposal, _) = Approved(ProposalStatus.Proposed);

        Assert.Empty(ReconciliationRules.Compensation(proposal, new Dictionary<Guid, JournalEntry>()));
    }

    [Fact]
    public void AMissingReservationIsReportedAndItsAmountIsMissingToo()
    {
        var (proposal, entries) = Approved();
        entries.Remove(proposal.HoldBackReservation!.Value);

        var found = ReconciliationRules.Compensation(proposal, entries).ToList();

        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal(("compensation", $"{proposal.Id} (a)"), (d.Area, d.Subject)));
        Assert.Equal($"reservation {proposal.HoldBackReservation} is missing from the ledger", found[0].Detail);
        Assert.Equal("approved 10.00, clawed back from the hold-back 0.00, but reserved 8.00", found[1].Detail);
    }

    [Fact]
    public void AHoldBackClawedBackAndVoidedHoldsNothing()
    {
        var (proposal, entries) = Approved();
        var holdBack = proposal.HoldBackReservation!.Value;
        var hold = entries[holdBack];
        entries[holdBack] = JournalEntry.Fold([.. hold.History, hold.Void("clawback", Today, Now, "finance")]);
        proposal.HoldBackClawed = 200;

        Assert.Empty(ReconciliationRules.Compensation(proposal, entries));

        proposal.HoldBackClawed = 150;
        Assert.Equal("approved 10.00, clawed back from the hold-back 1.50, but reserved 8.00", Assert.Single(ReconciliationRules.Compensation(proposal, entries)).Detail);
    }

    [Theory]
    [InlineData(801, 800, 1_000)]
    [InlineData(800, 1_001, 1_000)]
    public void PaidPayableAndApprovedOutOfOrderAreReported(long paid, long payable, long approved)
    {
        var (proposal, entries) = Approved();
        (proposal.Paid, proposal.Payable) = (paid, payable);
        proposal.Approved = approved;

        var found = Assert.Single(ReconciliationRules.Compensation(proposal, entries));

        Assert.EndsWith("are out of order", found.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PaidUpToPayableUpToApprovedIsInOrder()
    {
        var (proposal, entries) = Approved();
        (proposal.Paid, proposal.Payable) = (1_000, 1_000);

        Assert.Empty(ReconciliationRules.Compensation(proposal, entries));
    }

    [Theory]
    [InlineData("request", "finance-1", null, null, null, null, true)]
    [InlineData("request", "", null, null, null, null, false)]
    [InlineData("request", null, null, null, null, null, false)]
    [InlineData("event", null, "e-1", "AllocationFinalized", null, null, true)]
    [InlineData("event", null, "e-1", "", null, null, false)]
    [InlineData("event", null, null, "AllocationFinalized", null, null, false)]
    [InlineData("rule", null, null, null, "late-penalty", 1, true)]
    [InlineData("rule", null, null, null, "late-penalty", null, false)]
    [InlineData("rule", null, null, null, "", 1, false)]
    [InlineData("import", "finance-1", "e-1", "x", "r", 1, false)]
    public void AnEntryIsTraceableWhenItsSourceNamesWhoOrWhatCausedIt(
        string kind, string? requestedBy, string? eventId, string? eventType, string? rule, int? version, bool traceable)
    {
        var source = new EntrySource { Kind = kind, RequestedBy = requestedBy, EventId = eventId, EventType = eventType, Rule = rule, RuleVersion = version };

        Assert.Equal(traceable, ReconciliationRules.IsTraceable(source));
    }

    [Fact]
    public void EveryAllocationDiscrepancyIsFiledUnderTheAllocation()
    {
        var (record, entries) = Settled(postedForB: 250);

        Assert.All(ReconciliationRules.Allocation(record, entries), d => Assert.Equal(("allocation", record.Id.ToString()), (d.Area, d.Subject)));
    }

    [Fact]
    public void AnAllocationThatOwedNothingAtFirstStillAnswersForItsAdjustments()
    {
        var (record, _) = Settled();
        record.EntryId = null;
        var adjustment = Guid.NewGuid();
        record.Adjustments.Add(new SettlementAdjustment(record.Id, adjustment, new Dictionary<string, long> { ["a"] = 50, ["c"] = -50 }, "correction"));

        var found = ReconciliationRules.Allocation(record, new Dictionary<Guid, JournalEntry>()).Select(d => d.Detail).ToList();

        Assert.Contains($"settlement entry {adjustment} is missing from the ledger", found);
    }

    [Fact]
    public void ACorrectingAllocationThatPostedAnEntryIsReconciledLikeAnyOther()
    {
        var (record, _) = Settled();
        record.Supersedes = Guid.NewGuid();

        Assert.Contains(ReconciliationRules.Allocation(record, new Dictionary<Guid, JournalEntry>()), d => d.Detail.Contains("is missing from the ledger", StringComparison.Ordinal));
    }
}
