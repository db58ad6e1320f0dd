using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// How a refused request is described: its status, a short title and the reason, and for a passing condition (503)
/// when to try again (<c>Retry-After</c>, RFC 9110 §10.2.3).
/// </summary>
/// <param name="Errors">Field errors, keyed like <see cref="RequestValidation"/>'s, for a 400 about particular fields.</param>
public sealed record Refusal(
    int Status, string Title, string Detail, TimeSpan? RetryAfter = null, IDictionary<string, string[]>? Errors = null)
{
    /// <summary>A broken domain rule: 409 when it conflicts with the current state (a retry cannot fix it), else 422.</summary>
    public static Refusal Rule(string title, string detail, bool conflict) =>
        new(conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, title, detail);

    /// <summary>An unknown id, on any verb, worded like <see cref="Problems.NotFound"/>.</summary>
    public static Refusal NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);
}

/// <summary>
/// The one shape of exception handler: a subclass says which exceptions are the caller's fault and how to describe them
/// (<see cref="Describe"/>); this writes the problem details, stamped like every other (architecture.md §5). Exceptions
/// no handler describes stay server errors.
/// </summary>
public abstract class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>The refusal for <paramref name="exception"/>, or null when it is not the caller's fault.</summary>
    protected abstract Refusal? Describe(Exception exception);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Describe(exception) is not { } refusal)
        {
            return false;
        }

        httpContext.Response.StatusCode = refusal.Status;
        if (refusal.RetryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = refusal.Errors is { } errors
                ? new HttpValidationProblemDetails(errors) { Status = refusal.Status, Title = refusal.Title, Detail = refusal.Detail }
                : new ProblemDetails { Status = refusal.Status, Title = refusal.Title, Detail = refusal.Detail },
        });
    }
}
