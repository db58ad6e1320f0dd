using CompensationFund.Api.Domain.Banking;

namespace CompensationFund.Tests.Domain;

/// <summary>Reading bank statements and identifying who paid.</summary>
public sealed class BankStatementTests
{
    [Fact]
    public void ReadsQuotedFieldsInAnyColumnOrder()
    {
        var (lines, problems) = BankStatementCsv.Parse(
            "bank_reference,date,amount,payer,reference\r\nB1,2026-04-02,\"1,000.00\",hangzhou,CC-2026-hangzhou\nB2,2026-04-03,-20.5,\"Bank, Ltd\",\"fee \"\"April\"\"\"\n");

        Assert.Single(problems);
        var fee = Assert.Single(lines);
        Assert.Equal((-2050L, "Bank, Ltd", "fee \"April\"", 3), (fee.Amount, fee.Payer, fee.Reference, fee.LineNumber));
    }

    [Fact]
    public void ProblemsNameTheLine()
    {
        var (_, problems) = BankStatementCsv.Parse("date,amount,payer,reference,bank_reference\n2026-13-01,5,a,b,c\n2026-04-01,5.001,a,b,d\n2026-04-01,5,a,b,\n");
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("Line 2:", problems[0], StringComparison.Ordinal);
        Assert.Contains(BankStatementCsv.Parse("date,amount\n").Problems, p => p.Contains("lacks", StringComparison.Ordinal));
    }

    [Fact]
    public void ACodeOnTheTransferWinsOverThePayer()
    {
        var line = new BankLine(2, new DateOnly(2026, 4, 1), 100, "someone", "payment CC-2026-huzhou thanks", "B1");
        var target = BankMatch.Identify(line, code => code == "CC-2026-huzhou" ? "huzhou" : null, _ => null);
        Assert.Equal(new BankLineTarget("huzhou", "CC-2026-huzhou", null), target);
    }

    [Fact]
    public void ASettlementCodeNeedsAKnownPayerAndNothingIsGuessed()
    {
        var allocation = Guid.NewGuid();
        var settlement = new BankLine(2, new DateOnly(2026, 4, 1), 100, "jiaxing", $"ST-{allocation}", "B2");
        Assert.Equal(new BankLineTarget("jiaxing", null, allocation), BankMatch.Identify(settlement, _ => null, p => p == "jiaxing" ? p : null));
        Assert.Null(BankMatch.Identify(settlement with { Payer = "unknown" }, _ => null, _ => null));
    }
}
