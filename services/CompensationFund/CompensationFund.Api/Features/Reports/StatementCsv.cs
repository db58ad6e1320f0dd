using System.Globalization;
using System.Text;

namespace CompensationFund.Api.Features.Reports;

/// <summary>The statement as CSV (RFC 4180), one row per line plus an opening and a closing row per account, reasons flattened.</summary>
public static class StatementCsv
{
    public static string Write(StatementResponse statement)
    {
        var csv = new StringBuilder("account,row,value_date,recorded_at,entry_id,debit,credit,pending_debit,pending_credit,balance,kind,description,source,rule,event,inputs,approvals,requested_by,reference\r\n");
        foreach (var account in statement.Accounts)
        {
            Row(csv, account.Account, "opening", statement.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Empty, string.Empty, null, null, null, null, account.OpeningBalance);
            foreach (var line in account.Lines)
            {
                var why = line.Why;
                Row(
                    csv, account.Account, "posting", line.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), line.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
                    line.EntryId.ToString(), line.Debit, line.Credit, line.PendingDebit, line.PendingCredit, line.Balance,
                    why.Kind, why.Description, why.Source, why.Rule is null ? string.Empty : $"{why.Rule} v{why.RuleVersion}",
                    why.EventType is null ? string.Empty : $"{why.EventType} {why.EventId}",
                    string.Join("; ", (why.Inputs ?? new Dictionary<string, string>()).Select(i => $"{i.Key}={i.Value}")),
                    string.Join("; ", (why.Approvals ?? []).Select(a => $"{a.By} ({a.Role}) {a.At:O}")), why.RequestedBy ?? string.Empty, why.Reference ?? string.Empty);
            }

            Row(csv, account.Account, "closing", statement.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Empty, string.Empty, null, null, null, null, account.ClosingBalance);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string account, string row, string valueDate, string recordedAt, string entryId,
        decimal? debit, decimal? credit, decimal? pendingDebit, decimal? pendingCredit, decimal balance, params string[] reasons)
    {
        string[] fields =
        [
            account, row, valueDate, recordedAt, entryId, Money(debit), Money(credit), Money(pendingDebit), Money(pendingCredit), Money(balance),
            .. reasons, .. Enumerable.Repeat(string.Empty, 9 - reasons.Length),
        ];
        csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    private static string Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
