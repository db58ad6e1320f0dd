namespace FinanceConsole.Web.Gateway;

// The fund's public responses as the console reads them (docs/compensation-fund.md §11); fields the console does not
// show are left out and ignored when read.

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);

public sealed record Account(string Id, string Kind, string Name, string Currency, decimal Balance, decimal Available, decimal PendingDebits, decimal PendingCredits);

public sealed record BalanceAsOf(string Account, DateOnly AsOf, decimal Balance);

public sealed record Obligation(Guid Id, string Code, string CityId, string Kind, string Description, decimal Amount, decimal Paid, decimal Outstanding, DateOnly DueDate, int DaysOverdue);

public sealed record Position(string CityId, string? Direction, decimal Obligated, decimal Settled, decimal Outstanding, DateOnly DueDate, DateOnly? SettledOn);

public sealed record Settlement(Guid AllocationId, Guid IncidentId, string Currency, Guid? EntryId, Guid? SupersededBy, IReadOnlyList<Position> Positions, DateTimeOffset FinalizedAt);

public sealed record Approval(string By, string Role, DateTimeOffset At, string? Note);

public sealed record Quorum(string Action, decimal Amount, string? Reason, IReadOnlyList<Approval> Approvals);

public sealed record Compensation(
    Guid Id, Guid AllocationId, Guid IncidentId, string CityId, string Policy, int PolicyVersion, decimal Burden, string Tier, string? Grade,
    decimal Computed, decimal Proposed, decimal Shortfall, IReadOnlyList<string> Explanation, string Status, IReadOnlyList<Approval> Approvals,
    decimal Approved, decimal HoldBack, bool HoldBackReleased, decimal Payable, decimal Paid, decimal ClawedBack, IReadOnlyList<Approval> Rejections,
    decimal HoldBackPending, decimal Clawable, Quorum? PendingRelease, Quorum? PendingClawback);

public sealed record BankLine(
    Guid Id, string BankReference, DateOnly Date, decimal Amount, string Payer, string Reference, string Status, string? CityId, Guid? EntryId,
    string Detail, Guid ImportId, int Line, string? MatchedBy, DateTimeOffset? MatchedAt);

public sealed record ImportedLine(int Line, DateOnly Date, decimal Amount, string Payer, string Reference, string BankReference, string Status, string? CityId, string Detail, Guid? LineId);

public sealed record BankImportResult(Guid Id, DateTimeOffset ImportedAt, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ImportedLine> Lines);

public sealed record TrialBalanceLine(string Account, string Name, string Kind, string NormalSide, decimal Debit, decimal Credit, decimal PendingDebits, decimal PendingCredits);

public sealed record TrialBalance(DateOnly AsOf, IReadOnlyList<TrialBalanceLine> Lines, decimal TotalDebits, decimal TotalCredits, bool Balanced);

public sealed record Discrepancy(string Area, string Subject, string Detail);

public sealed record CheckedSection(int Checked, IReadOnlyList<Discrepancy> Discrepancies);

public sealed record BankSection(int Lines, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<Discrepancy> Discrepancies);

public sealed record RebuildSection(long Events, long Entries, bool Agrees);

public sealed record ReconciliationReport(
    DateTimeOffset GeneratedAt, RebuildSection Rebuild, CheckedSection Allocations, CheckedSection Compensation, BankSection Bank, decimal ClearingBalance, int Discrepancies);

public sealed record ClosedPeriod(string Period, DateOnly ClosedThrough, string ClosedBy, DateTimeOffset ClosedAt);

public sealed record Periods(DateOnly? ClosedThrough, IReadOnlyList<ClosedPeriod> Closed);

public sealed record Member(string CityId, string Name, string TrustTier);

public sealed record StatementLine(DateOnly ValueDate, Guid EntryId, decimal Debit, decimal Credit, decimal Balance, StatementReason Why);

public sealed record StatementReason(string Kind, string Description);

public sealed record AccountStatement(string Account, string Kind, decimal OpeningBalance, IReadOnlyList<StatementLine> Lines, decimal ClosingBalance);

public sealed record Statement(string CityId, DateOnly From, DateOnly To, IReadOnlyList<AccountStatement> Accounts);

public sealed record Entry(Guid Id);
