using CompensationFund.Api.Domain.Banking;

namespace CompensationFund.Tests.Domain.Banking;

/// <summary>
/// Reading a bank statement exported as CSV (RFC 4180): the header names the columns in any order and case, every
/// line is checked and a problem names its line, line numbers count the physical lines of the file.
/// </summary>
public sealed class BankStatementCsvTests
{
    private const string Header = "date,amount,payer,reference,bank_reference";

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\r\n")]
    public void AStatementWithoutAnyLineIsEmpty(string text)
    {
        var (lines, problems) = BankStatementCsv.Parse(text);

        Assert.Empty(lines);
        Assert.Equal(["The statement is empty."], problems);
    }

    [Fact]
    public void TheHeaderNamesEveryMissingColumn()
    {
        var (lines, problems) = BankStatementCsv.Parse("date,payer,reference\n2026-04-01,a,b\n");

        Assert.Empty(lines);
        Assert.Equal(["The header lacks amount, bank_reference; expected date,amount,payer,reference,bank_reference."], problems);
    }

    [Fact]
    public void HeaderNamesAreReadWithoutCaseOrSurroundingSpaces()
    {
        var (lines, problems) = BankStatementCsv.Parse(" Bank_Reference , DATE,Amount,Payer,Reference\nB1, 2026-04-01 , 12.30 , hangzhou , CC-1 \n");

        Assert.Empty(problems);
        Assert.Equal([new BankLine(2, new DateOnly(2026, 4, 1), 1_230, "hangzhou", "CC-1", "B1")], lines);
    }

    [Fact]
    public void BlankLinesAreSkippedAndTheLastLineNeedsNoLineBreak()
    {
        var (lines, problems) = BankStatementCsv.Parse($"{Header}\n\n2026-04-01,1,a,r,B1\n\n2026-04-02,2,b,r,B2");

        Assert.Empty(problems);
        Assert.Equal([(3, "B1", 100L), (5, "B2", 200L)], lines.Select(l => (l.LineNumber, l.BankReference, l.Amount)));
    }

    [Fact]
    public void ALoneCarriageReturnEndsALineToo()
    {
        var (lines, _) = BankStatementCsv.Parse($"{Header}\r2026-04-01,1,a,r,B1\r2026-04-02,2,b,r,B2\r");

        Assert.Equal([(2, "B1"), (3, "B2")], lines.Select(l => (l.LineNumber, l.BankReference)));
    }

    [Fact]
    public void ALineBreakInsideQuotesIsPartOfTheFieldAndStillCountsAsALine()
    {
        var (lines, problems) = BankStatementCsv.Parse($"{Header}\n2026-04-01,1,a,\"two\nlines\",B1\n2026-04-02,2,b,r,B2\n");

        Assert.Empty(problems);
        Assert.Equal("two\nlines", lines[0].Reference);
        Assert.Equal([2, 4], lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void AQuotedFieldMayHoldCommasAndDoubledQuotes()
    {
        var (lines, _) = BankStatementCsv.Parse($"{Header}\n2026-04-01,\"1234.50\",\"Bank, \"\"Ltd\"\"\",\"\",B1");

        Assert.Equal(("Bank, \"Ltd\"", 123_450L, string.Empty), (lines[0].Payer, lines[0].Amount, lines[0].Reference));
    }

    [Fact]
    public void AThousandsSeparatorIsNotPartOfAnAmount() =>
        Assert.Equal(
            ["Line 2: amount '1,234.50' is not a non-zero amount of yuan exact to the fen."],
            BankStatementCsv.Parse($"{Header}\n2026-04-01,\"1,234.50\",a,r,B1").Problems);

    [Fact]
    public void AQuoteAtTheVeryEndClosesTheField()
    {
        var (lines, _) = BankStatementCsv.Parse($"{Header}\n2026-04-01,1,a,r,\"B1\"");

        Assert.Equal("B1", Assert.Single(lines).BankReference);
    }

    [Fact]
    public void MoneyOutIsNegativeAndMoneyInMayCarryAPlusSign()
    {
        var (lines, problems) = BankStatementCsv.Parse($"{Header}\n2026-04-01,-20.50,bank,fee,B1\n2026-04-01,+3,a,r,B2\n");

        Assert.Empty(problems);
        Assert.Equal([-2_050L, 300L], lines.Select(l => l.Amount));
    }

    [Theory]
    [InlineData("0", "amount '0' is not a non-zero amount of yuan exact to the fen.")]
    [InlineData("0.00", "amount '0.00' is not a non-zero amount of yuan exact to the fen.")]
    [InlineData("1.005", "amount '1.005' is not a non-zero amount of yuan exact to the fen.")]
    [InlineData("1e3", "amount '1e3' is not a non-zero amount of yuan exact to the fen.")]
    [InlineData("", "amount '' is not a non-zero amount of yuan exact to the fen.")]
    [InlineData("10000000000000.01", "amount '10000000000000.01' is not a non-zero amount of yuan exact to the fen.")]
    public void AnAmountIsNonZeroYuanExactToTheFen(string amount, string problem)
    {
        var (lines, problems) = BankStatementCsv.Parse($"{Header}\n2026-04-01,{amount},a,r,B1\n");

        Assert.Empty(lines);
        Assert.Equal([$"Line 2: {problem}"], problems);
    }

    [Theory]
    [InlineData("2026-4-1")]
    [InlineData("01/04/2026")]
    [InlineData("2026-04-01T00:00")]
    public void ADateIsIsoYearMonthDay(string date) =>
        Assert.Equal([$"Line 2: date '{date}' is not yyyy-MM-dd."], BankStatementCsv.Parse($"{Header}\n{date},1,a,r,B1\n").Problems);

    [Fact]
    public void ALineWithoutABankReferenceIsAProblem()
    {
        var (lines, problems) = BankStatementCsv.Parse($"{Header}\n2026-04-01,1,a,r,  \n");

        Assert.Empty(lines);
        Assert.Equal(["Line 2: bank_reference is empty."], problems);
    }

    [Fact]
    public void AShortLineLacksItsLastFields()
    {
        var (lines, problems) = BankStatementCsv.Parse("bank_reference,date,amount,payer,reference\nB1,2026-04-01,5\n");

        Assert.Empty(problems);
        Assert.Equal(("", ""), (lines[0].Payer, lines[0].Reference));
        Assert.Equal(["Line 2: bank_reference is empty."], BankStatementCsv.Parse($"{Header}\n2026-04-01,1,a\n").Problems);
    }

    [Fact]
    public void ABankReferenceTwiceInOneStatementIsAProblemOfTheStatement()
    {
        var (lines, problems) = BankStatementCsv.Parse($"{Header}\n2026-04-01,1,a,r,B1\n2026-04-02,2,a,r,B1\n2026-04-02,3,a,r,b1\n");

        Assert.Equal(3, lines.Count);
        Assert.Equal(["bank_reference 'B1' appears more than once."], problems);
    }

    [Fact]
    public void EveryBadLineIsReportedAndTheGoodOnesAreStillRead()
    {
        var (lines, problems) = BankStatementCsv.Parse($"{Header}\nnot-a-date,1,a,r,B1\n2026-04-01,1,a,r,B2\n2026-04-01,x,a,r,B3\n");

        Assert.Equal(["B2"], lines.Select(l => l.BankReference));
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Line 2:", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 4:", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ALineWithASingleFieldIsStillALineToReport()
    {
        var (lines, problems) = BankStatementCsv.Parse($"{Header}\njunk\n");

        Assert.Empty(lines);
        Assert.Equal(["Line 2: date 'junk' is not yyyy-MM-dd."], problems);
    }

    [Fact]
    public void ALineWhoseFirstFieldIsEmptyIsStillRead()
    {
        var (lines, problems) = BankStatementCsv.Parse("payer,date,amount,reference,bank_reference\n,2026-04-01,1,r,B1\n");

        Assert.Empty(problems);
        Assert.Equal(string.Empty, Assert.Single(lines).Payer);
    }
}
