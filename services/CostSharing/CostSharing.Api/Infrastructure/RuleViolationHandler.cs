using CostSharing.Api.Domain;
using CostSharing.Api.Domain.Allocation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CostSharing.Api.Infrastructure;

/// <summary>
/// A broken domain rule is the caller's problem, told with its reason (architecture.md §5): 409 when it
/// conflicts with the current state, 422 otherwise. Both are thrown before anything is saved.
/// </summary>
internal sealed class RuleViolationHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            RuleViolationException { IsConflict: true } rule => (StatusCodes.Status409Conflict, rule.Title),
            RuleViolationException rule => (StatusCodes.Status422UnprocessableEntity, rule.Title),
            AllocationInputException => (StatusCodes.Status422UnprocessableEntity, "The allocation inputs do not work with the rule"),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
