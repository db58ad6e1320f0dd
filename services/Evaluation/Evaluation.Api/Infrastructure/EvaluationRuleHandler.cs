using Evaluation.Api.Domain;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Infrastructure;

/// <summary>
/// A broken evaluation rule is the caller's problem, told with its reason (architecture.md §5): 409 when it conflicts
/// with the round's state, 422 otherwise. Rules are checked before anything is saved, so nothing is half written.
/// </summary>
internal sealed class EvaluationRuleHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    protected override Refusal? Describe(Exception exception) =>
        exception is EvaluationRuleException rule ? Refusal.Rule(rule.Title, rule.Message, rule.IsConflict) : null;
}
