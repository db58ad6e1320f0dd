using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Domain;

/// <summary>Two-phase entries and reversals, decided on an entry's folded state.</summary>
public sealed class JournalEntryTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);

    private static JournalEntry Reservation(long amount = 1_000, params JournalLine[] lines) =>
        JournalEntry.Fold([new EntryDraft(LedgerGen.Header(), Today, lines.Length > 0 ? lines : [JournalLine.Debit("fund:pool", amount), JournalLine.Credit("city:a:compensation-payable", amount)])
            .Reserve(Guid.NewGuid(), Now, Now.AddDays(7))]);

    private static JournalEntry Posted() =>
        JournalEntry.Fold([new EntryDraft(LedgerGen.Header(), Today, [JournalLine.Debit("fund:bank", 700), JournalLine.Credit("fund:pool", 700)]).Post(Guid.NewGuid(), Now)]);

    [Fact]
    public void PostingInPartReleasesTheRest()
    {
        var reservation = Reservation(1_000);
        var posted = reservation.Post(600, Today, Now, "finance");

        Assert.Equal([1_000, 1_000], posted.Released.Select(l => l.Amount));
        Assert.Equal([600, 600], posted.Posted.Select(l => l.Amount));
        var after = JournalEntry.Fold([.. reservation.History, posted]);
        Assert.Equal(EntryStatus.Posted, after.Status);
        Assert.Equal(600, after.PostedLines[0].Amount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_001)]
    public void PartialAmountMustBeWithinTheReservation(long amount) =>
        Assert.Throws<FundRuleException>(() => Reservation(1_000).Post(amount, Today, Now, "finance"));

    [Fact]
    public void OnlyATwoLineReservationPostsInPart()
    {
        var threeLines = Reservation(lines: [JournalLine.Debit("fund:pool", 300), JournalLine.Credit("city:a:compensation-payable", 100), JournalLine.Credit("city:b:compensation-payable", 200)]);
        Assert.Throws<FundRuleException>(() => threeLines.Post(100, Today, Now, "finance"));
        Assert.Equal(3, threeLines.Post(300, Today, Now, "finance").Posted.Count);
    }

    [Fact]
    public void AVoidedReservationCannotBePostedAndAPostedOneCannotBeVoided()
    {
        var reservation = Reservation();
        var voided = JournalEntry.Fold([.. reservation.History, reservation.Void("withdrawn", Today, Now, "finance")]);
        Assert.True(Assert.Throws<FundRuleException>(() => voided.Post(null, Today, Now, "finance")).IsConflict);

        var posted = JournalEntry.Fold([.. reservation.History, reservation.Post(null, Today, Now, "finance")]);
        Assert.True(Assert.Throws<FundRuleException>(() => posted.Void("too late", Today, Now, "finance")).IsConflict);
    }

    [Fact]
    public void AnExpiredReservationIsReleasedAndCannotBePosted()
    {
        var reservation = Reservation();
        Assert.Null(reservation.Expire(Today, Now.AddDays(6)));
        var expiry = reservation.Expire(Today, Now.AddDays(7));
        Assert.NotNull(expiry);
        Assert.True(expiry.Expired);
        Assert.Throws<FundRuleException>(() => reservation.Post(null, Today, Now.AddDays(8), "finance"));
        Assert.Equal(EntryStatus.Expired, JournalEntry.Fold([.. reservation.History, expiry]).Status);
    }

    [Fact]
    public void AReversalSwapsThePostedLinesAndLinksBothWays()
    {
        var original = Posted();
        var (reversal, marker) = original.Reverse(Guid.NewGuid(), "typo", Today, Now, EntrySource.Request("finance", null));

        Assert.Equal(original.Id, reversal.Header.Reverses);
        Assert.Equal(reversal.EntryId, marker.ReversalEntryId);
        Assert.Equal(original.Lines.Select(l => l.Opposite()), reversal.Lines);
        Assert.Equal(reversal.EntryId, JournalEntry.Fold([.. original.History, marker]).ReversedBy);
    }

    [Fact]
    public void AnEntryIsReversedOnceAndAReversalNever()
    {
        var original = Posted();
        var (reversal, marker) = original.Reverse(Guid.NewGuid(), "typo", Today, Now, EntrySource.Request("finance", null));
        var reversed = JournalEntry.Fold([.. original.History, marker]);

        Assert.True(Assert.Throws<FundRuleException>(() => reversed.Reverse(Guid.NewGuid(), "again", Today, Now, EntrySource.Request("finance", null))).IsConflict);
        Assert.Throws<FundRuleException>(() => JournalEntry.Fold([reversal]).Reverse(Guid.NewGuid(), "undo", Today, Now, EntrySource.Request("finance", null)));
    }

    [Fact]
    public void APendingReservationIsVoidedNotReversed() =>
        Assert.Throws<FundRuleException>(() => Reservation().Reverse(Guid.NewGuid(), "no", Today, Now, EntrySource.Request("finance", null)));
}
