namespace CompensationFund.Api.Domain.Banking;

/// <summary>What became of one bank line: its status, whom it was matched to, the entry that posted it.</summary>
public sealed record ImportedLine(
    int LineNumber, DateOnly Date, long Amount, string Payer, string Reference, string BankReference, BankLineStatus Status,
    string? CityId, Guid? EntryId, string Detail);

/// <summary>One imported bank statement, kept so the reconciliation can show every bank line matched or listed.</summary>
public sealed class BankStatementImport
{
    public Guid Id { get; set; }

    public string ImportedBy { get; set; } = string.Empty;

    public DateTimeOffset ImportedAt { get; set; }

    public List<ImportedLine> Lines { get; set; } = [];
}

/// <summary>A bank reference already imported, by id (the reference itself), so a statement imported twice posts nothing twice.</summary>
public sealed class ImportedBankReference
{
    public string Id { get; set; } = string.Empty;

    public Guid ImportId { get; set; }
}
