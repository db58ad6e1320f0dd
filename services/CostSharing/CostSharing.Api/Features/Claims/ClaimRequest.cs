using CostSharing.Api.Domain.Claims;
using CostSharing.Api.Features.Shared;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Claims;

/// <summary>A city's costs: lines with category, amount, description and evidence; insurance and subsidies received for them.</summary>
/// <summary><c>aidId</c> names the accepted mutual aid these costs are for, when the caller provided it.</summary>
public sealed record ClaimRequest(IReadOnlyList<ClaimLineRequest>? Lines, decimal? Insurance, decimal? Subsidies, string? Currency, string? Note, Guid? AidId = null)
{
    public const int MaxLines = 500;

    public RequestValidation Validate(string incidentCurrency)
    {
        var validation = new RequestValidation();
        var lines = Lines ?? [];
        validation.Require(lines.Count is > 0 and <= MaxLines, "lines", $"'lines' lists 1 to {MaxLines} costs.");
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"lines[{i}]";
            validation.Require(lines[i].Category is not null && CostCategories.All.Contains(lines[i].Category), $"{field}.category", $"'category' is one of {string.Join(", ", CostCategories.All)}.");
            validation.RequireMoney(lines[i].Amount, $"{field}.amount", positive: true);
            validation.RequireText(lines[i].Description, $"{field}.description", 500);
            validation.Require(lines[i].EvidenceRef is null || lines[i].EvidenceRef!.Length <= 300, $"{field}.evidenceRef", "'evidenceRef' is at most 300 characters.");
        }

        validation.RequireMoney(Insurance, "insurance", required: false);
        validation.RequireMoney(Subsidies, "subsidies", required: false);
        var claimed = lines.Where(l => l.Amount > 0).Sum(l => l.Amount ?? 0m);
        validation.Require((Insurance ?? 0m) + (Subsidies ?? 0m) <= claimed, "insurance", "Insurance and subsidies together cannot exceed the costs claimed.");
        validation.Require(Currency is null || Currency == incidentCurrency, "currency", $"The incident's agreement is in {incidentCurrency}; claim in it.");
        validation.Require(Note is null || Note.Length <= 2000, "note", "'note' is at most 2000 characters.");
        return validation;
    }

    public ClaimContent ToContent() => new(
        Lines!.Select((l, i) => new ClaimLine(i + 1, l.Category!, l.Amount!.Value, l.Description!.Trim(), l.EvidenceRef)).ToList(),
        Insurance ?? 0m, Subsidies ?? 0m, Note);
}

public sealed record ClaimLineRequest(string? Category, decimal? Amount, string? Description, string? EvidenceRef);

/// <summary><c>approve</c> in full, <c>approve-part</c> with an <c>approvedAmount</c> below the claim, or <c>reject</c>; a reason for part and reject.</summary>
public sealed record ClaimDecisionRequest(string? Outcome, decimal? ApprovedAmount, string? Reason)
{
    private static readonly Dictionary<string, ClaimStatus> Outcomes = new(StringComparer.Ordinal)
    {
        ["approve"] = ClaimStatus.Approved,
        ["approve-part"] = ClaimStatus.PartlyApproved,
        ["reject"] = ClaimStatus.Rejected,
    };

    public RequestValidation Validate(bool reasonAlways)
    {
        var validation = new RequestValidation();
        validation.Require(Outcome is not null && Outcomes.ContainsKey(Outcome), "outcome", "'outcome' is approve, approve-part or reject.");
        if (Outcome == "approve-part")
        {
            validation.RequireMoney(ApprovedAmount, "approvedAmount", positive: true);
        }
        else
        {
            validation.Require(ApprovedAmount is null, "approvedAmount", "'approvedAmount' is only for approve-part.");
        }

        if (reasonAlways || Outcome is "approve-part" or "reject")
        {
            validation.RequireText(Reason, "reason", 2000);
        }

        return validation;
    }

    public ClaimDecision ToDecision() => new(Outcomes[Outcome!], ApprovedAmount ?? 0m, Reason?.Trim());
}
