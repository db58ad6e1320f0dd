using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Tests.Support;

namespace CompensationFund.Tests.Domain.Banking;

/// <summary>
/// Who paid a bank line: the code on the transfer first, then the payer; a member paying another member's code is a
/// conflict, never a credit to the code's owner; nothing is guessed. And whether an entry already records a line.
/// </summary>
public sealed class BankMatchTests
{
    private static readonly DateOnly Day = new(2026, 4, 1);
    private static readonly Guid Allocation = new("3f2b8a61-0c4d-4e7f-9a1b-2c3d4e5f6071");

    private static BankLine Line(string payer, string reference, long amount = 100) => new(2, Day, amount, payer, reference, "B1");

    private static string? Codes(string code) => code switch
    {
        "CC-2026-huzhou" => "huzhou",
        "CC-2026-jiaxing" => "jiaxing",
        _ => null,
    };

    private static string? Payers(string payer) => payer is "huzhou" or "jiaxing" ? payer : null;

    [Theory]
    [InlineData("CC-2026-huzhou")]
    [InlineData("April CC-2026-huzhou")]
    [InlineData("April,CC-2026-huzhou")]
    [InlineData("April;CC-2026-huzhou")]
    [InlineData("April/CC-2026-huzhou")]
    [InlineData("April|CC-2026-huzhou")]
    [InlineData("  CC-2026-huzhou  ")]
    public void ACodeIsFoundBetweenAnyOfTheUsualSeparators(string reference) =>
        Assert.Equal(new BankLineTarget("huzhou", "CC-2026-huzhou", null), BankMatch.Identify(Line("someone", reference), Codes, Payers));

    [Fact]
    public void ACodePaidByItsOwnerIsNoConflict() =>
        Assert.Equal(new BankLineTarget("huzhou", "CC-2026-huzhou", null), BankMatch.Identify(Line("huzhou", "CC-2026-huzhou"), Codes, Payers));

    [Fact]
    public void AnotherMembersCodeIsAConflictNamingThePayer()
    {
        var target = BankMatch.Identify(Line("jiaxing", "CC-2026-huzhou"), Codes, Payers);

        Assert.Equal(new BankLineTarget("huzhou", "CC-2026-huzhou", null, ConflictingPayer: "jiaxing"), target);
    }

    [Fact]
    public void TheFirstCodeOnTheTransferWins() =>
        Assert.Equal("CC-2026-jiaxing", BankMatch.Identify(Line("x", "CC-2026-jiaxing CC-2026-huzhou"), Codes, Payers)!.ObligationCode);

    [Fact]
    public void ASettlementCodeIsTheKnownPayersSettlementOfThatAllocation() =>
        Assert.Equal(new BankLineTarget("jiaxing", null, Allocation), BankMatch.Identify(Line("jiaxing", $"settle ST-{Allocation}"), Codes, Payers));

    [Theory]
    [InlineData("ST-not-a-guid")]
    [InlineData("st-3f2b8a61-0c4d-4e7f-9a1b-2c3d4e5f6071")]
    [InlineData("XST-3f2b8a61-0c4d-4e7f-9a1b-2c3d4e5f6071")]
    public void WithoutAWellFormedSettlementCodeTheLineGoesToThePayerAlone(string reference) =>
        Assert.Equal(new BankLineTarget("jiaxing", null, null), BankMatch.Identify(Line("jiaxing", reference), Codes, Payers));

    [Fact]
    public void AnObligationCodeAfterASettlementCodeOfAnUnknownPayerStillCounts() =>
        Assert.Equal(
            new BankLineTarget("huzhou", "CC-2026-huzhou", null),
            BankMatch.Identify(Line("stranger", $"ST-{Allocation} CC-2026-huzhou"), Codes, Payers));

    [Fact]
    public void NeitherCodeNorPayerLeavesTheLineUnmatched() =>
        Assert.Null(BankMatch.Identify(Line("stranger", "donation"), Codes, Payers));

    [Fact]
    public void AnEntryRecordsALineWhenItsNetOnTheBankIsTheLinesAmount()
    {
        var incoming = Entry(JournalLine.Debit(FundAccounts.Bank, 300), JournalLine.Credit(FundAccounts.Pool, 300));
        var outgoing = Entry(JournalLine.Debit("city:a:compensation-payable", 300), JournalLine.Credit(FundAccounts.Bank, 300));

        Assert.True(BankMatch.Records(incoming, 300));
        Assert.False(BankMatch.Records(incoming, -300));
        Assert.False(BankMatch.Records(incoming, 299));
        Assert.True(BankMatch.Records(outgoing, -300));
        Assert.False(BankMatch.Records(outgoing, 300));
    }

    [Fact]
    public void OnlyTheBankAccountsLinesCount()
    {
        var netted = Entry(
            JournalLine.Debit(FundAccounts.Bank, 500), JournalLine.Credit(FundAccounts.Bank, 200), JournalLine.Credit(FundAccounts.Pool, 300));

        Assert.True(BankMatch.Records(netted, 300));
        Assert.False(BankMatch.Records(Entry(JournalLine.Debit(FundAccounts.Pool, 300), JournalLine.Credit("fund:third-party", 300)), 300));
    }

    private static JournalEntry Entry(params JournalLine[] lines) =>
        JournalEntry.Fold([new EntryDraft(LedgerGen.Header(), Day, lines).Post(Guid.NewGuid(), DateTimeOffset.UnixEpoch)]);
}
