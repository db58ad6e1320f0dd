using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Settlement;
using CompensationFund.Api.Features.Payments;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;

namespace CompensationFund.Api.Features.Banking;

/// <summary>
/// Finance imports a bank statement (CSV, in the charset its Content-Type names). Every line is checked first; one bad
/// line refuses the file (<see cref="BankStatementChecks"/>). Then each line is, in order: a duplicate when its
/// reference was used up before; matched when an entry already posted under its reference records it (a payment,
/// settlement payment or payout recorded by hand); outgoing; conflicting when a member pays another member's code;
/// unmatched when it identifies no member; else posted as a payment. All posts commit in one transaction with the
/// lines' records, which keep unmatched and conflicting lines for a hand match later (<see cref="MatchBankLine"/>).
/// </summary>
public static class ImportBankStatement
{
    public static async Task<IResult> HandleAsync(
        HttpRequest http, IDocumentSession session, FundLedger ledger, BankLinePoster poster, CancellationToken cancellationToken)
    {
        var (text, refusal) = await StatementText.ReadAsync(http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (lines, problems) = BankStatementCsv.Parse(text!);
        var checks = BankStatementChecks.Read(lines, problems, ledger.Today);
        if (!checks.IsValid)
        {
            return checks.ToProblem();
        }

        if (BankStatementChecks.ClosedPeriod(lines, await ledger.Balances.ClosedThroughAsync(cancellationToken)) is { } closed)
        {
            return closed;
        }

        var import = new BankStatementImport { Id = EntryIds.New(), ImportedBy = Caller.Name(http.HttpContext), ImportedAt = ledger.Now };
        var records = (await session.LoadManyAsync<BankLineRecord>(cancellationToken, lines.Select(l => BankLineRecord.IdFor(l.BankReference)).ToArray()))
            .ToDictionary(r => r.Id);
        var posted = await EntryCatalog.LoadAsync(session, [.. lines.Select(l => BankLinePoster.EntryIdFor(l.BankReference))], cancellationToken);
        var members = await session.Query<FundMember>().ToListAsync(cancellationToken);
        var book = new ObligationBook(session);
        var codes = await book.OwnersAsync(
            [.. lines.Where(l => l.Amount > 0).SelectMany(l => l.Reference.Split([' ', ',', ';', '/', '|'], StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)],
            cancellationToken);
        var changes = new List<LedgerChange>();
        var settlements = new Dictionary<Guid, AllocationSettlement>();
        foreach (var line in lines)
        {
            import.Lines.Add(await ImportAsync(line));
        }

        ledger.Record(session, changes);
        session.Insert(import);
        var result = IdempotencyKeys.Complete(
            http.HttpContext, session, StatusCodes.Status201Created, ImportResponse.From(import), $"{CompensationFundModule.RoutePrefix}/bank-statements/{import.Id}");
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;

        async Task<ImportedLine> ImportAsync(BankLine line)
        {
            var known = records.GetValueOrDefault(BankLineRecord.IdFor(line.BankReference));
            if (known is { IsUsedUp: true })
            {
                return Imported(line, new BankLineOutcome(BankLineStatus.Duplicate, known.CityId, known.EntryId, "imported before; nothing posted again"), known.Id);
            }

            var record = known ?? BankLineRecord.Of(line, import.Id);
            (record.ImportId, record.LineNumber) = (import.Id, line.LineNumber);
            var outcome = await DecideAsync(line, record);
            BankLinePoster.Apply(record, outcome);
            changes.AddRange(outcome.Changes ?? []);

            if (known is null)
            {
                session.Insert(record);
            }
            else
            {
                session.Store(record);
            }

            return Imported(line, outcome, record.Id);
        }

        async Task<BankLineOutcome> DecideAsync(BankLine line, BankLineRecord record)
        {
            if (posted.GetValueOrDefault(BankLinePoster.EntryIdFor(line.BankReference)) is { } entry)
            {
                return BankLinePoster.AlreadyPosted(record, entry);
            }

            if (line.Amount < 0)
            {
                return new(BankLineStatus.Outgoing, null, null, "money out, recorded by no payout under this bank reference yet");
            }

            var target = BankMatch.Identify(line, code => codes.GetValueOrDefault(code), payer => members.FirstOrDefault(m => m.CityId == payer || m.Name == payer)?.CityId);
            if (target is null)
            {
                return new(BankLineStatus.Unmatched, null, null, "no obligation code and no member named as payer; match it by hand");
            }

            if (target.ConflictingPayer is { } payer)
            {
                return new(BankLineStatus.Conflicting, payer, null, $"member {payer} paid {target.ObligationCode}, which {target.CityId} owes: nothing credited; match it by hand");
            }

            try
            {
                return await poster.PostAsync(session, book, settlements, record, target, line.Date, BankLinePoster.SourceOf(Caller.Source(http.HttpContext), record), cancellationToken);
            }
            catch (FundRuleException refused)
            {
                return new(BankLineStatus.Unmatched, target.CityId, null, $"identified {target.CityId}, but cannot be posted: {refused.Message}");
            }
        }
    }

    private static ImportedLine Imported(BankLine line, BankLineOutcome outcome, Guid lineId) => new(
        line.LineNumber, line.Date, line.Amount, line.Payer, line.Reference, line.BankReference, outcome.Status, outcome.CityId, outcome.EntryId, outcome.Detail, lineId);
}
