namespace CostSharing.Api.Domain.Claims;

/// <summary>One cost a city incurred in the response, with the evidence it rests on.</summary>
public sealed record ClaimLine(int LineNo, string Category, decimal Amount, string Description, string? EvidenceRef);

public static class CostCategories
{
    public static readonly IReadOnlyList<string> All = ["personnel", "materials", "equipment", "evacuation", "medical", "other"];
}

/// <summary>The coordinating body's decision on a claim: approved in full or in part, or rejected with a reason; only approved amounts count towards the eligible cost (domain.md §4.2).</summary>
public enum ClaimStatus
{
    Submitted,
    Approved,
    PartlyApproved,
    Rejected,
}

/// <summary>One entry in a claim's history: what it said, or what was decided, and when and by whom.</summary>
public sealed record ClaimRevision(
    int Revision,
    string Change,
    IReadOnlyList<ClaimLine> Lines,
    decimal Insurance,
    decimal Subsidies,
    ClaimStatus Status,
    decimal? ApprovedAmount,
    string? Reason,
    DateTimeOffset At,
    string By);
