using CompensationFund.Api.Domain.Governance;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Governance;

/// <summary>A domain entry's reversal under the quorum: what may be reversed, who counts, what a rejection does.</summary>
public sealed class EntryReversalRequestTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);

    private static JournalEntry Entry(string kind = EntryKinds.Settlement, Guid? reverses = null) => JournalEntry.Fold(
        [new EntryDraft(new EntryHeader(kind, "CNY", "settled", EntrySource.Request("fund", null), Reverses: reverses), Today,
            [JournalLine.Debit("fund:clearing", 700), JournalLine.Credit("city:a:settlement-payable", 700)]).Post(Guid.NewGuid(), Now)]);

    private static Approval By(string person, string role = "finance") => new(person, role, Now, $"{person}'s note");

    private static EntryReversalRequest Open(JournalEntry entry, int required = 2, params EntryReversalRequest[] earlier) =>
        EntryReversalRequest.Open(entry, earlier, "posted to the wrong city", null, Today, By("alice"), required);

    [Fact]
    public void TheProposalIsTheProposersAgreementAndOneIsNotAQuorumOfTwo()
    {
        var request = Open(Entry());

        Assert.Equal(ReversalRequestStatus.Pending, request.Status);
        Assert.False(request.IsComplete);
        Assert.Equal(700, request.Quorum.Amount);
        Assert.Equal(ApprovalQuorum.DomainReversal, request.Quorum.Action);
        Assert.Equal("alice", request.RequestedBy);
        Assert.Equal([("requested", "alice", "finance", "alice's note")], request.History.Select(h => (h.Action, h.By, h.Role, h.Note)));
    }

    [Fact]
    public void TheSamePersonTwiceIsNotTwoAndADistinctOneCompletesTheQuorum()
    {
        var request = Open(Entry());

        Assert.True(Assert.Throws<FundRuleException>(() => request.Approve(By("alice", "coordinator"))).IsConflict);
        Assert.False(request.IsComplete);
        Assert.True(request.Approve(By("bob", "coordinator")));
        Assert.Equal(["alice", "bob"], request.Quorum.Approvals.Select(a => a.By));
        Assert.Equal(["requested", "approved"], request.History.Select(h => h.Action));
    }

    [Fact]
    public void AQuorumOfOneIsCompleteWithTheProposal() => Assert.True(Open(Entry(), required: 1).IsComplete);

    [Fact]
    public void AQuorumOfThreeNeedsThreeDistinctPeople()
    {
        var request = Open(Entry(), required: 3);

        Assert.False(request.Approve(By("bob")));
        Assert.True(request.Approve(By("carol")));
    }

    [Fact]
    public void ARejectionClosesTheRequestAndCountsTowardNothing()
    {
        var request = Open(Entry());

        request.Reject(By("bob", "coordinator"));

        Assert.Equal(ReversalRequestStatus.Rejected, request.Status);
        Assert.Equal(["alice"], request.Quorum.Approvals.Select(a => a.By));
        Assert.Equal(["bob"], request.Rejections.Select(a => a.By));
        Assert.Equal(Now, request.DecidedAt);
        Assert.Equal("rejected", request.History[^1].Action);
        Assert.True(Assert.Throws<FundRuleException>(() => request.Approve(By("carol"))).IsConflict);
        Assert.True(Assert.Throws<FundRuleException>(() => request.Reject(By("carol"))).IsConflict);
    }

    [Fact]
    public void AReversedRequestRecordsItsEntryAndTakesNoMoreDecisions()
    {
        var request = Open(Entry());
        request.Approve(By("bob"));
        var reversal = Guid.NewGuid();

        request.Reversed(reversal, By("bob"));

        Assert.Equal((ReversalRequestStatus.Reversed, reversal), (request.Status, request.ReversalEntryId));
        Assert.Equal(("reversed", "bob"), (request.History[^1].Action, request.History[^1].By));
        Assert.True(Assert.Throws<FundRuleException>(() => request.Approve(By("carol"))).IsConflict);
        Assert.True(Assert.Throws<FundRuleException>(() => request.Reversed(Guid.NewGuid(), By("carol"))).IsConflict);
    }

    [Fact]
    public void NothingIsReversedBeforeTheQuorum() =>
        Assert.Throws<InvalidOperationException>(() => Open(Entry()).Reversed(Guid.NewGuid(), By("alice")));

    [Fact]
    public void ASecondRequestWaitsUntilTheOpenOneIsDecided()
    {
        var entry = Entry();
        var first = Open(entry);

        Assert.True(Assert.Throws<FundRuleException>(() => Open(entry, 2, first)).IsConflict);
        first.Reject(By("bob"));
        var second = Open(entry, 2, first);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(EntryReversalRequest.IdFor(entry.Id, 1), second.Id);
        Assert.Equal(EntryReversalRequest.IdFor(entry.Id, 0), first.Id);
    }

    [Theory]
    [InlineData(EntryKinds.Manual, false)]
    [InlineData(EntryKinds.Reversal, false)]
    [InlineData(EntryKinds.PeriodClose, false)]
    [InlineData(EntryKinds.Compensation, true)]
    [InlineData(EntryKinds.ContributionCall, true)]
    [InlineData(EntryKinds.EarmarkedRelease, true)]
    [InlineData(EntryKinds.LatePenalty, true)]
    public void OnlyAPostedDomainEntryIsReversedHere(string kind, bool reversible)
    {
        var entry = Entry(kind);

        var refusal = Record.Exception(() => EntryReversalRequest.EnsureReversible(entry));

        Assert.Equal(reversible, refusal is null);
        Assert.False(refusal is FundRuleException { IsConflict: true });
    }

    [Fact]
    public void AReversalOfAnotherEntryIsFinal() =>
        Assert.Throws<FundRuleException>(() => EntryReversalRequest.EnsureReversible(Entry(EntryKinds.Settlement, reverses: Guid.NewGuid())));

    [Fact]
    public void AnEntryAlreadyReversedOrNotPostedIsAConflict()
    {
        var entry = Entry();
        var (_, marker) = entry.Reverse(Guid.NewGuid(), "wrong", Today, Now, EntrySource.Request("alice", null));
        var reversed = JournalEntry.Fold([.. entry.History, marker]);
        var pending = JournalEntry.Fold([new EntryDraft(new EntryHeader(EntryKinds.Compensation, "CNY", "held", EntrySource.Request("fund", null)), Today,
            [JournalLine.Debit("fund:pool", 5), JournalLine.Credit("city:a:compensation-payable", 5)]).Reserve(Guid.NewGuid(), Now, DateTimeOffset.MaxValue)]);

        Assert.True(Assert.Throws<FundRuleException>(() => EntryReversalRequest.EnsureReversible(reversed)).IsConflict);
        Assert.True(Assert.Throws<FundRuleException>(() => EntryReversalRequest.EnsureReversible(pending)).IsConflict);
    }

    [Fact]
    public void AFutureValueDateIsRefused() =>
        Assert.False(Assert.Throws<FundRuleException>(() => EntryReversalRequest.Open(Entry(), [], "wrong", Today.AddDays(1), Today, By("alice"), 2)).IsConflict);

    [Fact]
    public void TodayIsAValueDate() =>
        Assert.Equal(Today, EntryReversalRequest.Open(Entry(), [], "wrong", Today, Today, By("alice"), 2).ValueDate);

    [Fact]
    public void EachRefusalSaysWhatAndNamesTheEntry()
    {
        var entry = Entry();
        var pending = Open(entry);

        AssertRefused(() => Open(entry, 2, pending), "A reversal request is pending", pending.Id.ToString());
        AssertRefused(() => pending.Approve(By("alice")), "Already approved", "alice");
        AssertRefused(() => EntryReversalRequest.Open(Entry(EntryKinds.Manual), [], "x", null, Today, By("alice"), 2), "Manual entry", "generic reversal");
        AssertRefused(() => EntryReversalRequest.Open(Entry(EntryKinds.Reversal), [], "x", null, Today, By("alice"), 2), "Entry is final", "reversal entry");
        AssertRefused(() => EntryReversalRequest.Open(entry, [], "x", Today.AddDays(1), Today, By("alice"), 2), "The reversal is not valid", "2026-05-21");
        pending.Reject(By("bob"));
        AssertRefused(() => pending.Approve(By("carol")), "Request decided", "rejected");
        var (_, marker) = entry.Reverse(Guid.NewGuid(), "wrong", Today, Now, EntrySource.Request("alice", null));
        AssertRefused(() => EntryReversalRequest.EnsureReversible(JournalEntry.Fold([.. entry.History, marker])), "Already reversed", marker.ReversalEntryId.ToString());
    }

    [Fact]
    public void EveryApproverAgreesToTheSameAmount()
    {
        var quorum = new QuorumRequest { Action = ApprovalQuorum.DomainReversal, Amount = 700 };

        AssertRefused(() => quorum.Agree(By("alice"), 699, 2, "entry e"), "Approvals differ", "entry e awaits");
        Assert.Empty(quorum.Approvals);
    }

    [Fact]
    public void TheAmountIsWhatTheEntryMovesAcrossAllItsDebitLines()
    {
        var entry = JournalEntry.Fold([new EntryDraft(new EntryHeader(EntryKinds.ThirdPartyDeposit, "CNY", "two", EntrySource.Request("fund", null)), Today,
            [JournalLine.Debit("fund:bank", 300), JournalLine.Debit("fund:pool", 400), JournalLine.Credit("fund:third-party", 700)]).Post(Guid.NewGuid(), Now)]);

        Assert.Equal(700, EntryReversalRequest.PostedAmount(entry));
    }

    [Fact]
    public void ARequestWithoutHistoryNamesNoProposer() => Assert.Equal(string.Empty, new EntryReversalRequest().RequestedBy);

    private static void AssertRefused(Action act, string title, string detail)
    {
        var refusal = Assert.Throws<FundRuleException>(act);
        Assert.Equal(title, refusal.Title);
        Assert.Contains(detail, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuorumBelowOneStillNeedsTheProposer() =>
        Assert.Equal(1, EntryReversalRequest.Open(Entry(), [], "wrong", null, Today, By("alice"), 0).Required);
}
