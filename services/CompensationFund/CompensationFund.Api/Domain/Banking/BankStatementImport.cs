namespace CompensationFund.Api.Domain.Banking;

/// <summary>What became of one bank line in one import: its status, whom it was matched to, the entry that posted it.</summary>
public sealed record ImportedLine(
    int LineNumber, DateOnly Date, long Amount, string Payer, string Reference, string BankReference, BankLineStatus Status,
    string? CityId, Guid? EntryId, string Detail, Guid? LineId = null);

/// <summary>One imported bank statement as it was imported; each transaction's current state is its <see cref="BankLineRecord"/>.</summary>
public sealed class BankStatementImport
{
    public Guid Id { get; set; }

    public string ImportedBy { get; set; } = string.Empty;

    public DateTimeOffset ImportedAt { get; set; }

    public List<ImportedLine> Lines { get; set; } = [];
}
