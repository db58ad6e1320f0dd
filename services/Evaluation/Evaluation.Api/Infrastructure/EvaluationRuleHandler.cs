using Evaluation.Api.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Evaluation.Api.Infrastructure;

/// <summary>
/// A broken evaluation rule is the caller's problem, told with its reason (architecture.md §5): 409 when it conflicts
/// with the round's state, 422 otherwise. Rules are checked before anything is saved, so nothing is half written.
/// </summary>
internal sealed class EvaluationRuleHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not EvaluationRuleException rule)
        {
            return false;
        }

        var status = rule.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = rule.Title, Detail = rule.Message },
        });
    }
}
