using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace Evaluation.Api.Infrastructure;

/// <summary>Policies only evaluation needs: who may assess at all (which subjects each may assess is decided per round).</summary>
public static class EvaluationPolicies
{
    public const string Assessor = "evaluation-assessor";

    public static AuthorizationBuilder AddEvaluationPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Assessor, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.Evaluator, PlatformRoles.Coordinator, PlatformRoles.City));
}
