using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Ledger;
using CompensationFund.Api.Infrastructure.Reports;

namespace CompensationFund.Api.Features.Reports;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/trial-balance", TrialBalance.HandleAsync).RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<TrialBalanceResponse>().WithSummary("The trial balance as of a value date (coordinator, finance, auditor).");
        reports.MapGet("/reconciliation", async (ReconciliationReport report, CancellationToken cancellationToken) => Results.Ok(await report.RunAsync(cancellationToken)))
            .RequireAuthorization(FundPolicies.LedgerReader).WithName("reconciliation")
            .Produces<ReconciliationResponse>().WithSummary("Rebuild from the event log, allocations, compensation, bank lines and traceability checked (coordinator, finance, auditor).");
        api.MapGet("/members/{cityId}/statement", Statement.HandleAsync).WithTags("Reports").RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<StatementResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A city's statement for a period with why each posting happened; format=csv for CSV (a city: its own).");
        api.MapGet("/members/{cityId}/statement/proofs", StatementProofs.HandleAsync).WithTags("Reports").RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<StatementProofsResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Inclusion proofs of a city's lines in a closed period under the period's published Merkle root (a city: its own).");
        api.MapGet("/periods/{period}/root", StatementProofs.RootAsync).WithTags("Periods").RequireAuthorization(FundPolicies.MemberAccountReader)
            .Produces<PeriodRoot>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A closed period's published Merkle root over all its ledger lines (every member).");
        api.MapReconciliationJobs();
        return reports;
    }
}
