using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Allocation;

namespace CostSharing.Api.Features.Agreements;

public sealed record AgreementResponse(
    string Id, string Name, string Currency, int ActiveVersion, IReadOnlyList<int> Versions, AgreementVersionResponse Active,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AgreementResponse From(Agreement a) =>
        new(a.Id, a.Name, a.Currency, a.ActiveVersion, a.Versions.Select(v => v.Number).ToList(), AgreementVersionResponse.From(a, a.Active), a.CreatedAt, a.UpdatedAt);
}

public sealed record AgreementVersionResponse(
    string AgreementId,
    int Version,
    bool Active,
    DateTimeOffset ActivatedAt,
    IReadOnlyList<string> Members,
    IReadOnlyDictionary<string, RuleResponse> Rules,
    int ClaimDeadlineDays,
    SettlementTerms Settlement,
    IReadOnlyList<Responsibility> Responsibilities,
    string? Note)
{
    public static AgreementVersionResponse From(Agreement agreement, AgreementVersion v) => new(
        agreement.Id, v.Number, v.Number == agreement.ActiveVersion, v.ActivatedAt, v.Terms.Members,
        v.Terms.Rules.ToDictionary(r => r.Key, r => RuleResponse.From(r.Value), StringComparer.Ordinal),
        v.Terms.ClaimDeadlineDays, v.Terms.Settlement, v.Terms.Responsibilities, v.Terms.Note);
}

public sealed record RuleResponse(string Rule, decimal? OriginShare, string? Key, string Cap, string Description)
{
    public static RuleResponse From(AllocationRule rule) => new(
        RuleNames.Of(rule.Kind),
        rule.Kind == RuleKind.OriginPrimary ? rule.OriginShare : null,
        rule.Kind is RuleKind.OriginPrimary or RuleKind.Proportional ? RuleNames.Of(rule.Key) : null,
        RuleNames.Of(rule.Cap),
        RuleNames.Describe(rule));
}
