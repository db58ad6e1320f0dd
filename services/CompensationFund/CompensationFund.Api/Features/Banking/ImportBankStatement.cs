using Platform.ServiceDefaults.Errors;
using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Features.Payments;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Messaging.Idempotency;

namespace CompensationFund.Api.Features.Banking;

/// <summary>
/// Finance imports a bank statement (CSV). Each incoming line is matched — by an obligation code or a settlement code on
/// the transfer, else by the payer — and posted as a payment (in full, in part, or with the excess unapplied); lines that
/// identify no member are listed as unmatched, outgoing lines are listed for the disbursements that caused them, and a
/// line imported before is a duplicate. All matched lines post in one transaction.
/// </summary>
public static class ImportBankStatement
{
    public const long MaxBytes = 1024 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpRequest http, IDocumentSession session, FundLedger ledger, PaymentRecorder recorder, Settlements.SettlementPayments settlements, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(http.Body);
        var (lines, problems) = BankStatementCsv.Parse(await reader.ReadToEndAsync(cancellationToken));
        if (problems.Count > 0)
        {
            var validation = new RequestValidation();
            foreach (var problem in problems)
            {
                validation.Add("statement", problem);
            }

            return validation.ToProblem();
        }

        var import = new BankStatementImport { Id = EntryIds.New(), ImportedBy = Caller.Name(http.HttpContext), ImportedAt = ledger.Now };
        var seen = (await session.LoadManyAsync<ImportedBankReference>(cancellationToken, lines.Select(l => l.BankReference).ToArray()))
            .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var members = await session.Query<FundMember>().ToListAsync(cancellationToken);
        var book = new ObligationBook(session);
        var tokens = lines.Where(l => !seen.Contains(l.BankReference) && l.Amount > 0)
            .SelectMany(l => l.Reference.Split([' ', ',', ';', '/', '|'], StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        var codes = await book.OwnersAsync(tokens, cancellationToken);
        var changes = new List<LedgerChange>();
        var settlementRecords = new Dictionary<Guid, Domain.Settlement.AllocationSettlement>();
        foreach (var line in lines)
        {
            import.Lines.Add(await ImportAsync(line));
        }

        ledger.Record(session, changes);
        session.Insert(import);
        var response = ImportResponse.From(import);
        var result = IdempotencyKeys.Complete(http.HttpContext, session, StatusCodes.Status201Created, response, $"{CompensationFundModule.RoutePrefix}/bank-statements/{import.Id}");
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;

        async Task<ImportedLine> ImportAsync(BankLine line)
        {
            ImportedLine Listed(BankLineStatus status, string detail, string? city = null, Guid? entry = null) =>
                new(line.LineNumber, line.Date, line.Amount, line.Payer, line.Reference, line.BankReference, status, city, entry, detail);
            if (seen.Contains(line.BankReference))
            {
                return Listed(BankLineStatus.Duplicate, "imported before; nothing posted again");
            }

            session.Insert(new ImportedBankReference { Id = line.BankReference, ImportId = import.Id });
            if (line.Amount < 0)
            {
                return Listed(BankLineStatus.Outgoing, "money out: recorded by the disbursement that caused it");
            }

            var target = BankMatch.Identify(line, code => codes.GetValueOrDefault(code), payer => members.FirstOrDefault(m => m.CityId == payer || m.Name == payer)?.CityId);
            if (target is null)
            {
                return Listed(BankLineStatus.Unmatched, "no obligation code and no member named as payer");
            }

            var source = Caller.Source(http.HttpContext) with { Inputs = new Dictionary<string, string> { ["bankReference"] = line.BankReference, ["bankLine"] = $"{line.LineNumber}" } };
            if (target.SettlementAllocationId is { } allocation)
            {
                try
                {
                    var change = await settlements.PayAsync(
                        session, settlementRecords, allocation, target.CityId, line.Amount, line.Date, line.BankReference, source, Domain.Settlement.SettlementDirection.PayIn, cancellationToken);
                    changes.Add(change);
                    return Listed(BankLineStatus.Matched, $"settlement pay-in of allocation {allocation}", target.CityId, change.Stream);
                }
                catch (FundRuleException refused)
                {
                    return Listed(BankLineStatus.Unmatched, $"settlement code, but: {refused.Message}", target.CityId);
                }
            }

            var (applied, posted) = await recorder.RecordAsync(session, book, new ReceivedPayment(target.CityId, line.Amount, line.Date, line.BankReference, target.ObligationCode, source), cancellationToken);
            changes.Add(posted);
            var status = applied.Outcome switch { "full" => BankLineStatus.Matched, "partial" => BankLineStatus.Partial, _ => BankLineStatus.Over };
            var detail = string.Join(", ", applied.Applications.Select(a => $"{a.Obligation.Code} {Fen.ToYuan(a.Amount)}")) + (applied.Excess > 0 ? $"; {Fen.ToYuan(applied.Excess)} unapplied" : string.Empty);
            return Listed(status, detail.TrimStart(';', ' '), target.CityId, posted.Stream);
        }
    }
}
