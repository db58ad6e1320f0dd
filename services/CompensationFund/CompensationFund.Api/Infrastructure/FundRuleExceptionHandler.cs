using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CompensationFund.Api.Infrastructure;

/// <summary>
/// A refused rule of the fund is a 422 (a conflict with the current state a 409) and an unknown entry a 404,
/// as RFC 9457 problem details with the reason (architecture.md §5). Nothing was written: the transaction rolled back.
/// </summary>
internal sealed class FundRuleExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            FundRuleException rule => (rule.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, rule.Title, rule.Message),
            RecordNotFoundException missing => (StatusCodes.Status404NotFound, "Not found", missing.Message),
            _ => (0, string.Empty, string.Empty),
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
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
