using CostSharing.Api.Domain;
using CostSharing.Api.Domain.Allocation;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Infrastructure;

/// <summary>
/// A broken domain rule is the caller's problem, told with its reason (architecture.md §5): 409 when it
/// conflicts with the current state, 422 otherwise. Both are thrown before anything is saved.
/// </summary>
internal sealed class RuleViolationHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    protected override Refusal? Describe(Exception exception) => exception switch
    {
        RuleViolationException rule => Refusal.Rule(rule.Title, rule.Message, rule.IsConflict),
        AllocationInputException => new Refusal(StatusCodes.Status422UnprocessableEntity, "The allocation inputs do not work with the rule", exception.Message),
        _ => null,
    };
}
