using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Errors;

/// <summary>The problem responses endpoints return most, worded the same in every service.</summary>
public static class Problems
{
    /// <summary>Also the answer for another tenant's object: a city must not learn that it exists (architecture.md §5).</summary>
    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Unprocessable(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail);

    /// <summary>428: the request lacks a precondition header the endpoint requires (RFC 6585), e.g. <c>Idempotency-Key</c> on a money-moving POST.</summary>
    public static IResult PreconditionRequired(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required", detail: detail);
}
