using Communication.Api.Domain.Aid;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Infrastructure;

/// <summary>
/// A broken rule of mutual aid is the caller's problem, told with its reason (docs/architecture.md §5): 404 for an
/// offer the request does not have, 409 when the offer's state forbids the step, 422 otherwise. The rules are checked
/// before anything is saved, so nothing is half written.
/// </summary>
internal sealed class AidRuleHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    protected override Refusal? Describe(Exception exception) => exception switch
    {
        AidRuleException { NotFound: true } rule => Refusal.NotFound(rule.Message),
        AidRuleException rule => Refusal.Rule(rule.Title, rule.Message, rule.Conflict),
        _ => null,
    };
}
