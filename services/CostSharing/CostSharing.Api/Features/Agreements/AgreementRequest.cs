using System.Text.RegularExpressions;
using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Members;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Agreements;

/// <summary>The terms of one agreement version; <c>id</c>, <c>name</c> and <c>currency</c> only when creating.</summary>
public sealed partial record AgreementRequest(
    string? Id,
    string? Name,
    string? Currency,
    IReadOnlyList<string>? Members,
    IReadOnlyDictionary<string, RuleRequest>? Rules,
    int? ClaimDeadlineDays,
    SettlementRequest? Settlement,
    IReadOnlyList<ResponsibilityRequest>? Responsibilities,
    string? Note)
{
    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();

    public RequestValidation Validate(bool creating)
    {
        var validation = new RequestValidation();
        if (creating)
        {
            validation.Require(Id is not null && MemberRules.CityIdPattern().IsMatch(Id), "id", "'id' is required: 2-40 lower-case letters, digits or hyphens.");
            validation.RequireText(Name, "name");
            validation.Require(Currency is null || CurrencyPattern().IsMatch(Currency), "currency", "'currency' is an ISO 4217 code such as CNY.");
        }

        validation.Require(Members is { Count: > 0 } && Members.All(m => m is not null && MemberRules.CityIdPattern().IsMatch(m)), "members", "'members' lists at least one member city id.");
        validation.Require(Members is null || Members.Distinct(StringComparer.Ordinal).Count() == Members.Count, "members", "'members' lists each city once.");
        validation.Require(Rules is { Count: > 0 }, "rules", $"'rules' gives an allocation rule for at least one risk category ({string.Join(", ", RiskCategories.All)}).");
        foreach (var (category, rule) in Rules ?? new Dictionary<string, RuleRequest>())
        {
            validation.Require(RiskCategories.All.Contains(category), $"rules.{category}", $"'{category}' is not a risk category; use one of {string.Join(", ", RiskCategories.All)}.");
            rule.Validate(validation, $"rules.{category}");
        }

        validation.Require(ClaimDeadlineDays is >= 1 and <= 366, "claimDeadlineDays", "'claimDeadlineDays' is required: 1 to 366 days after the response closes.");
        validation.Require(Settlement?.DueDays is >= 0 and <= 366, "settlement.dueDays", "'settlement.dueDays' is required: 0 to 366 days after finalization.");
        validation.Require(Settlement?.ClearingAccount is null || Settlement.ClearingAccount.Length <= 100, "settlement.clearingAccount", "'settlement.clearingAccount' is at most 100 characters.");
        validation.Require(Note is null || Note.Length <= 2000, "note", "'note' is at most 2000 characters.");
        ValidateResponsibilities(validation);
        return validation;
    }

    private void ValidateResponsibilities(RequestValidation validation)
    {
        var list = Responsibilities ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var field = $"responsibilities[{i}]";
            validation.Require(Members?.Contains(list[i].CityId) == true, $"{field}.cityId", $"'{field}.cityId' must be one of the agreement's members.");
            var duties = list[i].Duties ?? [];
            validation.Require(duties.Count is > 0 and <= 100, $"{field}.duties", $"'{field}.duties' lists 1 to 100 duties.");
            for (var d = 0; d < duties.Count; d++)
            {
                validation.RequireText(duties[d].Description, $"{field}.duties[{d}].description", 500);
                validation.Require(duties[d].Category is null || RiskCategories.All.Contains(duties[d].Category), $"{field}.duties[{d}].category", "A duty's category is a risk category, or left out for all.");
                validation.Require(duties[d].ReportWithinHours is null or (>= 1 and <= 720), $"{field}.duties[{d}].reportWithinHours", "'reportWithinHours' is 1 to 720.");
            }
        }
    }

    /// <summary>Only valid after <see cref="Validate"/> reported no errors.</summary>
    public AgreementTerms ToTerms() => new(
        [.. Members!.Order(StringComparer.Ordinal)],
        Rules!.ToDictionary(r => r.Key, r => r.Value.ToRule(), StringComparer.Ordinal),
        ClaimDeadlineDays!.Value,
        new SettlementTerms(Settlement!.DueDays!.Value, string.IsNullOrWhiteSpace(Settlement.ClearingAccount) ? "fund-clearing" : Settlement.ClearingAccount.Trim()),
        (Responsibilities ?? []).Select(r => new Responsibility(r.CityId!, r.Duties!.Select(d => new Duty(d.Category, d.Description!.Trim(), d.ReportWithinHours, d.Resources ?? [])).ToList())).ToList(),
        Note);
}

/// <summary>One category's rule: <c>origin-primary</c> (with <c>originShare</c> α ≥ 0.5 and the affected side's <c>key</c>), <c>proportional</c> (with <c>key</c>), <c>scrb</c> or <c>shapley</c>; <c>cap</c> optional.</summary>
public sealed record RuleRequest(string? Rule, decimal? OriginShare, string? Key, string? Cap)
{
    public void Validate(RequestValidation validation, string field)
    {
        validation.Require(Rule is not null && RuleNames.Rules.ContainsKey(Rule), $"{field}.rule", $"'rule' is one of {string.Join(", ", RuleNames.Rules.Keys)}.");
        validation.Require(Key is null || RuleNames.Keys.ContainsKey(Key), $"{field}.key", $"'key' is one of {string.Join(", ", RuleNames.Keys.Keys)}.");
        validation.Require(Cap is null || RuleNames.Caps.ContainsKey(Cap), $"{field}.cap", $"'cap' is one of {string.Join(", ", RuleNames.Caps.Keys)}.");
        if (Rule == "origin-primary")
        {
            // α ≥ 0.5 honours "origin leads" (domain.md §4.2).
            validation.Require(OriginShare is >= 0.5m and <= 1m, $"{field}.originShare", "'originShare' (α) is required for origin-primary: between 0.5 and 1.");
        }
    }

    public AllocationRule ToRule() => new(
        RuleNames.Rules[Rule!], OriginShare ?? 0m, Key is null ? AllocationKey.Equal : RuleNames.Keys[Key], Cap is null ? CapKind.None : RuleNames.Caps[Cap]);
}

public sealed record SettlementRequest(int? DueDays, string? ClearingAccount);

public sealed record ResponsibilityRequest(string? CityId, IReadOnlyList<DutyRequest>? Duties);

public sealed record DutyRequest(string? Category, string? Description, int? ReportWithinHours, IReadOnlyList<string>? Resources);
