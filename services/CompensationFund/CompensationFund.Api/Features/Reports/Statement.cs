using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Reports;

/// <summary>
/// A city's statement for a period: for each of its accounts the opening balance, every posting valued in the period with
/// why it happened — the entry's kind and description, the rule and its version with its inputs, the consumed event, the
/// approvals, who asked — and the closing balance. JSON, or CSV with <c>format=csv</c>. A city reads only its own.
/// </summary>
public static class Statement
{
    public static async Task<IResult> HandleAsync(
        string cityId, DateOnly? from, DateOnly? to, string? format, IQuerySession session, MovementHistory history, FundLedger ledger,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.User.MayReadCity(cityId) || await session.LoadAsync<FundMember>(cityId, cancellationToken) is not { JoinedAt: not null })
        {
            return Problems.NotFound($"No member city '{cityId}'.");
        }

        var end = to ?? ledger.Today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end)
        {
            return Problems.BadRequest("from", "'from' is not after 'to'.");
        }

        var accounts = await session.Query<LedgerAccount>().Where(a => a.OwnerCityId == cityId).ToListAsync(cancellationToken);
        var rows = await StatementRows.ReadAsync(history, [.. accounts.Select(a => a.Id)], start, end, cancellationToken);
        var entries = await EntryCatalog.LoadAsync(session, [.. rows.Movements.Select(m => m.EntryId)], cancellationToken);
        var statement = StatementResponse.Build(cityId, start, end, accounts.OrderBy(a => a.Kind), rows, entries);
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(StatementCsv.Write(statement), "text/csv", System.Text.Encoding.UTF8)
            : Results.Ok(statement);
    }
}
