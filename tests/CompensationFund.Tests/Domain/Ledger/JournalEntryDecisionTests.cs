using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Domain.Ledger;

/// <summary>
/// An entry folded from its stream, and what each decision on it records: who decided, when, for which value date,
/// which lines it releases and posts; and why a decision is refused.
/// </summary>
public sealed class JournalEntryDecisionTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = new("0c6f4e2a-9b1d-4c3e-8f7a-6b5c4d3e2f10");

    private static readonly JournalLine[] TwoLines = [JournalLine.Debit("fund:pool", 1_000), JournalLine.Credit("city:a:compensation-payable", 1_000)];

    private static EntryReserved Reserved(params JournalLine[] lines) =>
        new EntryDraft(LedgerGen.Header(), Today.AddDays(-1), lines.Length > 0 ? lines : TwoLines).Reserve(Id, Now, Now.AddDays(7));

    private static EntryPosted Posted(EntryHeader? header = null) =>
        new EntryDraft(header ?? LedgerGen.Header(), Today.AddDays(-1), TwoLines).Post(Id, Now);

    [Fact]
    public void AStreamStartsWithAnEntryPostedOrReserved()
    {
        Assert.Equal("events", Assert.Throws<ArgumentException>(() => JournalEntry.Fold([])).ParamName);
        Assert.Throws<ArgumentException>(() => JournalEntry.Fold([new EntryReversed(Id, Guid.NewGuid(), Now, "r", "f")]));
    }

    [Fact]
    public void APostedEntryKeepsItsHeaderDatesAndLinesAndIsAtVersionOne()
    {
        var posted = Posted();

        var entry = JournalEntry.Fold([posted]);

        Assert.Equal((Id, Today.AddDays(-1), Now, EntryStatus.Posted, 1L), (entry.Id, entry.ValueDate, entry.RecordedAt, entry.Status, entry.Version));
        Assert.Equal(posted.Header, entry.Header);
        Assert.Equal(TwoLines, entry.Lines);
        Assert.Equal(TwoLines, entry.PostedLines);
        Assert.Null(entry.ExpiresAt);
        Assert.Equal([posted], entry.History);
    }

    [Fact]
    public void AReservationPostsNothingUntilItIsPosted()
    {
        var entry = JournalEntry.Fold([Reserved()]);

        Assert.Equal((EntryStatus.Pending, Now.AddDays(7)), (entry.Status, entry.ExpiresAt));
        Assert.Empty(entry.PostedLines);
        Assert.Equal(TwoLines, entry.Lines);
    }

    [Fact]
    public void EveryEventOfTheStreamCountsTowardItsVersion()
    {
        var reserved = Reserved();
        var posted = JournalEntry.Fold([reserved]).Post(null, Today, Now, "finance");

        var entry = JournalEntry.Fold([reserved, posted]);

        Assert.Equal(2, entry.Version);
        Assert.Equal([reserved, posted], entry.History);
        Assert.Equal(TwoLines, entry.PostedLines);
    }

    [Fact]
    public void PostingRecordsWhoPostedWhenAndReleasesTheWholeReservation()
    {
        var posted = JournalEntry.Fold([Reserved()]).Post(400, Today, Now.AddHours(1), "finance");

        Assert.Equal((Id, Today, Now.AddHours(1), "finance"), (posted.EntryId, posted.ValueDate, posted.RecordedAt, posted.PostedBy));
        Assert.Equal(TwoLines, posted.Released);
        Assert.Equal([JournalLine.Debit("fund:pool", 400), JournalLine.Credit("city:a:compensation-payable", 400)], posted.Posted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1_000L)]
    public void PostingTheReservedAmountOrNoAmountPostsEveryLine(long? amount) =>
        Assert.Equal(TwoLines, JournalEntry.Fold([Reserved()]).Post(amount, Today, Now, "finance").Posted);

    [Fact]
    public void ThreeLinesPostOnlyInFull()
    {
        var three = JournalEntry.Fold([Reserved(JournalLine.Debit("fund:pool", 300), JournalLine.Credit("city:a:compensation-payable", 100), JournalLine.Credit("city:b:compensation-payable", 200))]);

        var refused = Assert.Throws<FundRuleException>(() => three.Post(200, Today, Now, "finance"));

        Assert.Equal(("Partial post needs two lines", false), (refused.Title, refused.IsConflict));
    }

    [Fact]
    public void APartialPostBeyondTheReservationNamesTheReservedAmount()
    {
        var refused = Assert.Throws<FundRuleException>(() => JournalEntry.Fold([Reserved()]).Post(1_001, Today, Now, "finance"));

        Assert.Equal(("Amount out of range", false), (refused.Title, refused.IsConflict));
        Assert.Equal("A partial post is more than zero and at most the reserved 10.00.", refused.Message);
        Assert.Throws<FundRuleException>(() => JournalEntry.Fold([Reserved()]).Post(-5, Today, Now, "finance"));
    }

    [Fact]
    public void VoidingRecordsTheReasonAndWhoVoidedIt()
    {
        var voided = JournalEntry.Fold([Reserved()]).Void("withdrawn", Today, Now.AddHours(2), "finance");

        Assert.Equal((Id, Today, Now.AddHours(2), "withdrawn", "finance", false), (voided.EntryId, voided.ValueDate, voided.RecordedAt, voided.Reason, voided.VoidedBy, voided.Expired));
        Assert.Equal(TwoLines, voided.Released);
        Assert.Equal(EntryStatus.Voided, JournalEntry.Fold([Reserved(), voided]).Status);
    }

    [Fact]
    public void ExpiryIsRecordedAsTheFundReleasingTheReservation()
    {
        var expiry = JournalEntry.Fold([Reserved()]).Expire(Today, Now.AddDays(8))!;

        Assert.Equal((Id, Today, Now.AddDays(8), "expired", "fund", true), (expiry.EntryId, expiry.ValueDate, expiry.RecordedAt, expiry.Reason, expiry.VoidedBy, expiry.Expired));
        Assert.Equal(TwoLines, expiry.Released);
    }

    [Fact]
    public void OnlyAPendingReservationExpires()
    {
        var reserved = Reserved();
        var posted = JournalEntry.Fold([reserved, JournalEntry.Fold([reserved]).Post(null, Today, Now, "finance")]);
        var voided = JournalEntry.Fold([reserved, JournalEntry.Fold([reserved]).Void("no", Today, Now, "finance")]);

        Assert.Null(posted.Expire(Today, Now.AddDays(30)));
        Assert.Null(voided.Expire(Today, Now.AddDays(30)));
        Assert.Null(JournalEntry.Fold([Posted()]).Expire(Today, Now.AddDays(30)));
    }

    [Fact]
    public void ADecisionOnAnEntryThatIsNoLongerPendingSaysWhatItIs()
    {
        var reserved = Reserved();
        var voided = JournalEntry.Fold([reserved, JournalEntry.Fold([reserved]).Void("no", Today, Now, "finance")]);

        var refused = Assert.Throws<FundRuleException>(() => voided.Post(null, Today, Now, "finance"));

        Assert.Equal(("Not pending", true), (refused.Title, refused.IsConflict));
        Assert.Equal($"Entry {Id} is voided, so it cannot be posted.", refused.Message);
        Assert.Equal($"Entry {Id} is posted, so it cannot be voided.", Assert.Throws<FundRuleException>(() => JournalEntry.Fold([Posted()]).Void("x", Today, Now, "f")).Message);
    }

    [Fact]
    public void AtItsExpiryAReservationCanNeitherBePostedNorVoided()
    {
        var entry = JournalEntry.Fold([Reserved()]);

        var post = Assert.Throws<FundRuleException>(() => entry.Post(null, Today, Now.AddDays(7), "finance"));
        var voiding = Assert.Throws<FundRuleException>(() => entry.Void("late", Today, Now.AddDays(7), "finance"));

        Assert.All([post, voiding], r => Assert.Equal(("Reservation expired", true), (r.Title, r.IsConflict)));
        Assert.StartsWith($"Reservation {Id} expired at ", post.Message, StringComparison.Ordinal);
        Assert.NotNull(entry.Void("in time", Today, Now.AddDays(7).AddTicks(-1), "finance"));
    }

    [Fact]
    public void AReversalIsARequestedEntryOfItsOwnKindInTheOriginalsCurrency()
    {
        var original = JournalEntry.Fold([Posted(LedgerGen.Header() with { Currency = "EUR" })]);
        var reversalId = Guid.NewGuid();
        var source = EntrySource.Request("finance-officer", "key-1");

        var (reversal, marker) = original.Reverse(reversalId, "typo", Today, Now.AddHours(3), source);

        Assert.Equal((reversalId, Today, Now.AddHours(3)), (reversal.EntryId, reversal.ValueDate, reversal.RecordedAt));
        Assert.Equal(new EntryHeader(EntryKinds.Reversal, "EUR", $"Reversal of {Id}: typo", source, Reverses: Id), reversal.Header);
        Assert.Equal(new EntryReversed(Id, reversalId, Now.AddHours(3), "typo", "finance-officer"), marker);
    }

    [Fact]
    public void AReversalTheFundMakesOnItsOwnIsRecordedAsTheFunds()
    {
        var (_, marker) = JournalEntry.Fold([Posted()]).Reverse(Guid.NewGuid(), "superseded", Today, Now, EntrySource.Event(Guid.NewGuid(), "AllocationSuperseded"));

        Assert.Equal("fund", marker.ReversedBy);
    }

    [Fact]
    public void AReversalOfAPartlyPostedReservationTakesBackOnlyWhatWasPosted()
    {
        var reserved = Reserved();
        var entry = JournalEntry.Fold([reserved, JournalEntry.Fold([reserved]).Post(250, Today, Now, "finance")]);

        var (reversal, _) = entry.Reverse(Guid.NewGuid(), "wrong amount", Today, Now, EntrySource.Request("finance", null));

        Assert.Equal([JournalLine.Credit("fund:pool", 250), JournalLine.Debit("city:a:compensation-payable", 250)], reversal.Lines);
    }

    [Fact]
    public void OnlyAPostedEntryIsReversedAndTheRefusalSaysWhatItIs()
    {
        var reserved = Reserved();
        var voided = JournalEntry.Fold([reserved, JournalEntry.Fold([reserved]).Void("no", Today, Now, "finance")]);

        var refused = Assert.Throws<FundRuleException>(() => voided.Reverse(Guid.NewGuid(), "x", Today, Now, EntrySource.Request("f", null)));

        Assert.Equal(("Nothing to reverse", true), (refused.Title, refused.IsConflict));
        Assert.StartsWith($"Entry {Id} is voided: only a posted entry can be reversed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondReversalNamesTheFirstAndAReversalIsFinal()
    {
        var original = JournalEntry.Fold([Posted()]);
        var (reversal, marker) = original.Reverse(Guid.NewGuid(), "typo", Today, Now, EntrySource.Request("f", null));

        var again = Assert.Throws<FundRuleException>(() => JournalEntry.Fold([.. original.History, marker]).Reverse(Guid.NewGuid(), "x", Today, Now, EntrySource.Request("f", null)));
        var undo = Assert.Throws<FundRuleException>(() => JournalEntry.Fold([reversal]).Reverse(Guid.NewGuid(), "x", Today, Now, EntrySource.Request("f", null)));

        Assert.Equal(("Already reversed", true), (again.Title, again.IsConflict));
        Assert.Equal($"Entry {Id} was already reversed by entry {reversal.EntryId}.", again.Message);
        Assert.Equal(("A reversal is final", false), (undo.Title, undo.IsConflict));
    }
}
