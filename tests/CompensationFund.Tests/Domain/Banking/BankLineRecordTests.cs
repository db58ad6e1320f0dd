using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Ledger;

namespace CompensationFund.Tests.Domain.Banking;

/// <summary>One record per bank transaction across imports; only a line whose money was posted (or found posted) is used up.</summary>
public sealed class BankLineRecordTests
{
    [Fact]
    public void EveryImportOfATransactionFindsTheSameRecord()
    {
        Assert.Equal(EntryIds.ForReference("bank-line:B-0042"), BankLineRecord.IdFor("B-0042"));
        Assert.NotEqual(BankLineRecord.IdFor("B-0042"), BankLineRecord.IdFor("B-0043"));
        Assert.NotEqual(EntryIds.ForReference("B-0042"), BankLineRecord.IdFor("B-0042"));
    }

    [Fact]
    public void ARecordKeepsWhatTheStatementSaidAndWhichImportBroughtIt()
    {
        var import = Guid.NewGuid();
        var line = new BankLine(7, new DateOnly(2026, 4, 2), 12_345, "Hangzhou Finance Bureau", "CC-2026-hangzhou", "B-0042");

        var record = BankLineRecord.Of(line, import);

        Assert.Equal(
            (BankLineRecord.IdFor("B-0042"), "B-0042", new DateOnly(2026, 4, 2), 12_345L, "Hangzhou Finance Bureau", "CC-2026-hangzhou", import, 7),
            (record.Id, record.BankReference, record.Date, record.Amount, record.Payer, record.Reference, record.ImportId, record.LineNumber));
        Assert.Null(record.EntryId);
    }

    [Theory]
    [InlineData(BankLineStatus.Matched, BankLineState.Matched)]
    [InlineData(BankLineStatus.Partial, BankLineState.Matched)]
    [InlineData(BankLineStatus.Over, BankLineState.Matched)]
    [InlineData(BankLineStatus.Duplicate, BankLineState.Matched)]
    [InlineData(BankLineStatus.Conflicting, BankLineState.Conflicting)]
    [InlineData(BankLineStatus.Outgoing, BankLineState.Outgoing)]
    [InlineData(BankLineStatus.Unmatched, BankLineState.Unmatched)]
    public void AnImportOutcomeMovesTheRecordToItsState(BankLineStatus status, BankLineState state) =>
        Assert.Equal(state, BankLineRecord.StateOf(status));

    [Theory]
    [InlineData(BankLineState.Matched, true)]
    [InlineData(BankLineState.Unmatched, false)]
    [InlineData(BankLineState.Conflicting, false)]
    [InlineData(BankLineState.Outgoing, false)]
    public void OnlyAMatchedLineIsUsedUp(BankLineState state, bool usedUp) =>
        Assert.Equal(usedUp, new BankLineRecord { State = state }.IsUsedUp);
}
