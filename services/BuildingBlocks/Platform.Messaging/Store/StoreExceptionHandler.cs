using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Messaging.Store;

/// <summary>
/// Optimistic-concurrency and duplicate-key failures from Marten are conflicts (409), not server errors; an event too
/// large for the broker is refused (422) with nothing written.
/// </summary>
internal sealed class StoreExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is Outbox.OutboxMessageTooLargeException tooLarge)
        {
            context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status422UnprocessableEntity, Title = "Event too large", Detail = tooLarge.Message },
            });
        }

        var detail = exception switch
        {
            ConcurrencyException => "The record was changed by someone else; read it again and retry with its current version.",
            DocumentAlreadyExistsException => "A record with this id already exists.",
            _ => null,
        };
        if (detail is null)
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = detail },
        });
    }
}
