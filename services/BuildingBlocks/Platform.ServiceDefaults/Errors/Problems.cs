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

    /// <summary>The caller's role may use the operation, but not on this object (e.g. a city assessing another city).</summary>
    public static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
