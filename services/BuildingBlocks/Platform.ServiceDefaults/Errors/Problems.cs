using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// The one way an endpoint refuses a request (architecture.md §5): RFC 9457 problem details, worded the same in every
/// service. Bad input is 400 with field errors, an unknown (or another tenant's) object 404, a conflict 409, a broken
/// domain rule 422.
/// </summary>
public static class Problems
{
    /// <summary>A 400 naming one field; for several, collect them in a <see cref="RequestValidation"/>.</summary>
    public static IResult BadRequest(string field, string message) =>
        new RequestValidation().Require(false, field, message).ToProblem();

    /// <summary>Also the answer for another tenant's object: a city must not learn that it exists (architecture.md §5).</summary>
    public static IResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>The request collides with the current state (it exists already, a stale version, a step already taken).</summary>
    public static IResult Conflict(string title, string detail) => Status(StatusCodes.Status409Conflict, title, detail);

    public static IResult Unprocessable(string title, string detail) => Status(StatusCodes.Status422UnprocessableEntity, title, detail);

    /// <summary>The caller's role may use the operation, but not on this object or as this party (a city acting as another).</summary>
    public static IResult Forbidden(string detail) => Status(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>A body in a media type the endpoint does not read.</summary>
    public static IResult UnsupportedMediaType(string detail) => Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    /// <summary>428: a precondition header the endpoint requires is missing (RFC 6585), e.g. <c>Idempotency-Key</c> on a money-moving POST.</summary>
    public static IResult PreconditionRequired(string detail) => Status(StatusCodes.Status428PreconditionRequired, "Precondition required", detail);

    /// <summary>A limit on how often the caller may do something (not the gateway's rate limit): says when it may again.</summary>
    public static IResult TooManyRequests(HttpContext http, string title, string detail, DateTimeOffset retryAt, DateTimeOffset now)
    {
        http.Response.Headers.RetryAfter = ((long)Math.Ceiling(Math.Max(1, (retryAt - now).TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Status(StatusCodes.Status429TooManyRequests, title, detail);
    }

    /// <summary>Any other status (428, 503, …) with the same shape.</summary>
    public static IResult Status(int statusCode, string title, string detail) =>
        Results.Problem(statusCode: statusCode, title: title, detail: detail);
}
