using System.Security.Claims;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Domain.Scoring;
using Platform.ServiceDefaults.Security;

namespace Evaluation.Api.Features.Shared;

/// <summary>
/// Who is calling, in evaluation's terms: the assessor group a role assesses in and the assessor's id (an evaluator by
/// its <c>evaluator_id</c>, a city by its <c>city_id</c>, the coordinating body as one assessor), and what it may see.
/// </summary>
public sealed record Caller(string Role, AssessorGroup? Group, string? AssessorId)
{
    public static Caller From(ClaimsPrincipal user)
    {
        var role = user.Role() ?? string.Empty;
        return role switch
        {
            PlatformRoles.Coordinator => new(role, AssessorGroup.Coordinator, Subject.CoordinatingBodyId),
            PlatformRoles.Evaluator => new(role, AssessorGroup.ThirdParty, user.FindFirst(PlatformClaims.EvaluatorId)?.Value),
            PlatformRoles.City => new(role, AssessorGroup.Self, user.CityId()),
            _ => new(role, null, null),
        };
    }

    /// <summary>Coordinating body, finance and auditors read every round; the others what concerns them.</summary>
    public bool ReadsEverything => Role is PlatformRoles.Coordinator or PlatformRoles.Finance or PlatformRoles.Auditor;

    /// <summary>A round is visible once published, to everyone; before that only to those it concerns.</summary>
    public bool MaySee(EvaluationRound round) =>
        ReadsEverything || round.Status == RoundStatus.Published || Concerns(round);

    public bool Concerns(EvaluationRound round) => Group switch
    {
        AssessorGroup.ThirdParty => round.HasEvaluator(AssessorId),
        AssessorGroup.Self => round.SubjectOf(AssessorId) is not null,
        AssessorGroup.Coordinator => true,
        _ => false,
    };

    /// <summary>Why this caller may not assess <paramref name="subjectId"/> in the round, or null when it may.</summary>
    public string? RefusalToAssess(EvaluationRound round, string subjectId) => Group switch
    {
        null => "Only third-party evaluators, the coordinating body and cities assess.",
        _ when string.IsNullOrEmpty(AssessorId) => $"The token names no {(Group == AssessorGroup.ThirdParty ? "evaluator" : "city")}.",
        AssessorGroup.ThirdParty when !round.Assigns(AssessorId, subjectId) => $"Evaluator '{AssessorId}' is not assigned to assess '{subjectId}' in round {round.Id}.",
        AssessorGroup.Self when AssessorId != subjectId => $"A city assesses only itself; '{AssessorId}' may not assess '{subjectId}'.",
        _ => null,
    };
}
