using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Domain.Ledger;

/// <summary>
/// Each rule an entry passes before it is posted, at its boundary and with the words the caller reads; a reservation
/// must expire after it is made; where an entry comes from is named by its source's kind.
/// </summary>
public sealed class EntryDraftRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);

    private static EntryDraft Draft(params JournalLine[] lines) => new(LedgerGen.Header(), Today, lines);

    private static JournalLine[] Lines(int count) =>
        [.. Enumerable.Range(0, count - 1).Select(i => JournalLine.Debit($"a{i}", 1)), JournalLine.Credit("b", count - 1)];

    [Fact]
    public void AThousandLinesAreAllowedAndOneMoreIsNot()
    {
        Assert.Empty(Draft(Lines(EntryDraft.MaxLines)).Problems(Today));
        Assert.Equal(["An entry has between 2 and 1000 lines; this one has 1001."], Draft(Lines(EntryDraft.MaxLines + 1)).Problems(Today));
    }

    [Fact]
    public void OneLineIsNotAnEntryAndTheProblemSaysHowManyItHas() =>
        Assert.Contains("An entry has between 2 and 1000 lines; this one has 1.", Draft(JournalLine.Debit("a", 5)).Problems(Today));

    [Fact]
    public void TheLargestAmountIsAllowedAndOneFenMoreIsNot()
    {
        Assert.Empty(Draft(JournalLine.Debit("a", Fen.MaxAmount), JournalLine.Credit("b", Fen.MaxAmount)).Problems(Today));
        Assert.Equal(
            ["Every line's amount is positive and at most 10,000,000,000,000.00."],
            Draft(JournalLine.Debit("a", Fen.MaxAmount + 1), JournalLine.Credit("b", Fen.MaxAmount + 1)).Problems(Today));
    }

    [Fact]
    public void OneBadAmountAmongGoodOnesIsAProblem() =>
        Assert.Equal(
            ["Every line's amount is positive and at most 10,000,000,000,000.00."],
            Draft(JournalLine.Debit("a", 5), JournalLine.Debit("c", 0), JournalLine.Credit("b", 5)).Problems(Today));

    [Fact]
    public void AnUnbalancedEntryShowsBothSidesInYuan() =>
        Assert.Equal(["Debits (5.00) must equal credits (4.99) exactly."], Draft(JournalLine.Debit("a", 500), JournalLine.Credit("b", 499)).Problems(Today));

    [Theory]
    [InlineData("CNy")]
    [InlineData("C1Y")]
    [InlineData("CNYX")]
    public void ACurrencyIsThreeUpperCaseLetters(string currency) =>
        Assert.Equal(
            [$"'{currency}' is not an ISO 4217 currency code."],
            (Draft(JournalLine.Debit("a", 1), JournalLine.Credit("b", 1)) with { Header = LedgerGen.Header() with { Currency = currency } }).Problems(Today));

    [Fact]
    public void TheDescriptionIsAtMostFiveHundredCharacters()
    {
        var draft = Draft(JournalLine.Debit("a", 1), JournalLine.Credit("b", 1));

        Assert.Empty((draft with { Header = draft.Header with { Description = new string('x', 500) } }).Problems(Today));
        Assert.Equal(
            ["The description is longer than 500 characters."],
            (draft with { Header = draft.Header with { Description = new string('x', 501) } }).Problems(Today));
    }

    [Fact]
    public void AValueDateOfTodayIsNotInTheFuture() =>
        Assert.Equal(
            ["The value date 2026-05-21 is in the future."],
            (Draft(JournalLine.Debit("a", 1), JournalLine.Credit("b", 1)) with { ValueDate = Today.AddDays(1) }).Problems(Today));

    [Fact]
    public void AValidDraftIsReturnedAsItIs()
    {
        var draft = Draft(JournalLine.Debit("a", 1), JournalLine.Credit("b", 1));

        Assert.Same(draft, draft.EnsureValid(Today));
    }

    [Fact]
    public void AnInvalidDraftIsRefusedWithEveryProblem()
    {
        var draft = Draft(JournalLine.Debit("a", 2), JournalLine.Credit("a", 1));

        var refused = Assert.Throws<FundRuleException>(() => draft.EnsureValid(Today));

        Assert.Equal(("The entry is not valid", false), (refused.Title, refused.IsConflict));
        Assert.Equal("An entry moves money between at least two accounts. Debits (0.02) must equal credits (0.01) exactly.", refused.Message);
    }

    [Fact]
    public void AReservationMustExpireAfterItIsMade()
    {
        var draft = Draft(JournalLine.Debit("a", 1), JournalLine.Credit("b", 1));

        var refused = Assert.Throws<FundRuleException>(() => draft.Reserve(Guid.NewGuid(), Now, Now));

        Assert.Equal(("The reservation is not valid", "A reservation must expire after it is made."), (refused.Title, refused.Message));
        Assert.Equal(Now.AddTicks(1), draft.Reserve(Guid.NewGuid(), Now, Now.AddTicks(1)).ExpiresAt);
    }

    [Fact]
    public void APostedOrReservedEntryCarriesTheDraftAsItWas()
    {
        var draft = Draft(JournalLine.Debit("a", 1), JournalLine.Credit("b", 1));
        var id = Guid.NewGuid();

        var reserved = draft.Reserve(id, Now, Now.AddDays(1));
        var posted = draft.Post(id, Now);

        Assert.Equal((id, Today, Now, draft.Header), (reserved.EntryId, reserved.ValueDate, reserved.RecordedAt, reserved.Header));
        Assert.Equal((id, Today, Now, draft.Header), (posted.EntryId, posted.ValueDate, posted.RecordedAt, posted.Header));
        Assert.Equal(draft.Lines, posted.Lines);
    }

    [Fact]
    public void ASourceIsARequestAnEventOrARule()
    {
        var eventId = Guid.NewGuid();

        Assert.Equal(("request", "finance", "key-1"), (EntrySource.Request("finance", "key-1").Kind, EntrySource.Request("finance", "key-1").RequestedBy, EntrySource.Request("finance", "key-1").IdempotencyKey));
        var consumed = EntrySource.Event(eventId, "AllocationFinalized");
        Assert.Equal(("event", eventId.ToString(), "AllocationFinalized"), (consumed.Kind, consumed.EventId, consumed.EventType));
        var rule = EntrySource.FromRule("late-payment-penalty", 1, new Dictionary<string, string>());
        Assert.Equal(("rule", "late-payment-penalty", 1), (rule.Kind, rule.Rule, rule.RuleVersion));
    }

    [Fact]
    public void AReservationWithTwoDebitsPostsInFullForItsWholeAmount()
    {
        var reservation = JournalEntry.Fold([Draft(JournalLine.Debit("fund:pool", 100), JournalLine.Debit("fund:third-party", 200), JournalLine.Credit("city:a:compensation-payable", 300))
            .Reserve(Guid.NewGuid(), Now, Now.AddDays(1))]);

        Assert.Equal(3, reservation.Post(300, Today, Now, "finance").Posted.Count);
    }

    [Fact]
    public void AnEventThatMovesNoMoneyHasNoMovements()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Movements.Of(new NotMoving()));

        Assert.Equal("ledgerEvent", refused.ParamName);
        Assert.StartsWith("Not a money-moving ledger event.", refused.Message, StringComparison.Ordinal);
    }

    private sealed record NotMoving : ILedgerEvent
    {
        public Guid EntryId => Guid.Empty;

        public DateOnly ValueDate => default;

        public DateTimeOffset RecordedAt => default;
    }
}
