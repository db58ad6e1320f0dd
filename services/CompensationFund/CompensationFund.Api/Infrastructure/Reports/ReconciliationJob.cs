namespace CompensationFund.Api.Infrastructure.Reports;

/// <summary>Where a reconciliation job stands.</summary>
public enum ReconciliationJobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// A reconciliation asked for through <c>POST /reconciliations</c> and run by <see cref="ReconciliationWorker"/>
/// (docs/compensation-fund.md §9): durable, so a job left running by a process that died is taken up again once its
/// lease lapses; its progress (steps, events folded) is visible while it runs and its report is kept when it ends.
/// </summary>
public sealed class ReconciliationJob
{
    public Guid Id { get; set; }

    public ReconciliationJobStatus Status { get; set; }

    /// <summary>True: fold the whole event log; false: start from the last closed period's rebuild snapshot.</summary>
    public bool Full { get; set; }

    public string RequestedBy { get; set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The worker running it may hold it until then; a lapsed lease means its worker is gone.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public string? Worker { get; set; }

    /// <summary>How many times a worker took it up (more than one after a restart).</summary>
    public int Attempts { get; set; }

    public int StepsDone { get; set; }

    public int StepsTotal { get; set; }

    public string? Step { get; set; }

    /// <summary>Events of the log folded so far by the rebuild check.</summary>
    public long EventsFolded { get; set; }

    /// <summary>The closed period whose snapshot the rebuild started from (null: the whole log).</summary>
    public string? StartedFromPeriod { get; set; }

    public ReconciliationResponse? Report { get; set; }

    public string? Error { get; set; }

    public bool IsClaimable(DateTimeOffset now) =>
        Status == ReconciliationJobStatus.Queued || (Status == ReconciliationJobStatus.Running && LeaseUntil < now);
}

/// <summary>How far a running reconciliation got: a step finished, or events folded within the rebuild.</summary>
public sealed record ReconciliationProgress(string Step, int StepsDone, int StepsTotal, long EventsFolded, string? StartedFromPeriod);
