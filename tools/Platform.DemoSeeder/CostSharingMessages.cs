namespace Platform.DemoSeeder;

// What the seeder sends to and reads from the cost-sharing API beyond the demo records themselves. The views
// hold only the fields the seeder uses; the API answers with more.

internal sealed record CloseResponseBody(DateTimeOffset ClosedAt);

internal sealed record PageView<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);

internal sealed record IncidentView(
    Guid Id, string Title, string Status, DateTimeOffset OccurredAt, DateTimeOffset? ClaimDeadline, Guid? CurrentAllocationId,
    IReadOnlyList<ReportingView> Reporting);

/// <summary>Whether an origin city reported within the hours its responsibility list sets.</summary>
internal sealed record ReportingView(string CityId, DateTimeOffset ReportedAt, int? ReportWithinHours, bool Late);

internal sealed record ClaimView(Guid Id, string CityId, string Status, decimal ClaimedAmount, decimal? ApprovedAmount, decimal NetApprovedSpend);

internal sealed record AllocationView(Guid Id, string Rule, decimal NetEligibleCost, IReadOnlyList<AllocationLineView> Lines, IReadOnlyList<InstructionView> Instructions);

internal sealed record AllocationLineView(string CityId, string Side, decimal FairShare, decimal ApprovedSpend, decimal NetPosition);

internal sealed record InstructionView(string CityId, string Direction, decimal Amount, DateOnly DueDate);

/// <summary>Incident states as the API names them, in lifecycle order.</summary>
internal static class IncidentStatuses
{
    public const string Reported = "reported";
    public const string Confirmed = "confirmed";
    public const string ResponseClosed = "response-closed";
    public const string CostsFinalized = "costs-finalized";
    public const string Allocated = "allocated";
    public const string Settled = "settled";
}
