using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Reports;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Reports;

/// <summary>A reconciliation job as the API shows it: where it stands, how far it got, and its report once completed.</summary>
public sealed record ReconciliationJobResponse(
    Guid Id, string Status, bool Full, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    ReconciliationJobProgress Progress, int Attempts, string? StartedFromPeriod, ReconciliationResponse? Report, string? Error)
{
    public static ReconciliationJobResponse From(ReconciliationJob j) => new(
        j.Id, j.Status.ToString().ToLowerInvariant(), j.Full, j.RequestedBy, j.RequestedAt, j.StartedAt, j.CompletedAt,
        new ReconciliationJobProgress(j.Step, j.StepsDone, j.StepsTotal, j.EventsFolded), j.Attempts, j.StartedFromPeriod, j.Report, j.Error);
}

/// <summary>Steps done of the total, the step last finished or running, and the events the rebuild has folded.</summary>
public sealed record ReconciliationJobProgress(string? Step, int StepsDone, int StepsTotal, long EventsFolded);

/// <summary>
/// Reconciliation as a background job (docs/compensation-fund.md §9): asked for with <c>POST /reconciliations</c> (202 with
/// its location), run by <see cref="ReconciliationWorker"/>, read while it runs and after. <c>?full=true</c> folds the whole
/// event log instead of starting from the last closed period's snapshot. Readers of the ledger only (coordinator, finance, auditor).
/// </summary>
public static class ReconciliationJobs
{
    public static void MapReconciliationJobs(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/reconciliations").WithTags("Reports").RequireAuthorization(FundPolicies.LedgerReader);
        jobs.MapPost("/", StartAsync).Produces<ReconciliationJobResponse>(StatusCodes.Status202Accepted)
            .WithSummary("Queues a reconciliation run in the background; full=true folds the whole log instead of starting from the last closed period's snapshot.");
        jobs.MapGet("/", ListAsync).Produces<Page<ReconciliationJobResponse>>().WithSummary("Reconciliation jobs, newest first, with their status and progress.");
        jobs.MapGet("/{id:guid}", GetAsync).Produces<ReconciliationJobResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A reconciliation job: queued, running (with progress), completed (with its stored report) or failed.");
    }

    public static string Location(Guid id) => $"{CompensationFundModule.RoutePrefix}/reconciliations/{id}";

    private static async Task<IResult> StartAsync(bool? full, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var job = new ReconciliationJob
        {
            Id = Guid.CreateVersion7(), Status = ReconciliationJobStatus.Queued, Full = full ?? false, RequestedBy = Caller.Name(http), RequestedAt = clock.GetUtcNow(),
        };
        session.Store(job);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Accepted(Location(job.Id), ReconciliationJobResponse.From(job));
    }

    private static async Task<IResult> GetAsync(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<ReconciliationJob>(id, cancellationToken) is { } job
            ? Results.Ok(ReconciliationJobResponse.From(job))
            : Problems.NotFound($"No reconciliation job {id}.");

    private static async Task<IResult> ListAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var total = await session.Query<ReconciliationJob>().CountAsync(cancellationToken);
        var jobs = await session.Query<ReconciliationJob>().OrderByDescending(j => j.RequestedAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<ReconciliationJobResponse>([.. jobs.Select(ReconciliationJobResponse.From)], request.Number, request.Size, total));
    }
}
