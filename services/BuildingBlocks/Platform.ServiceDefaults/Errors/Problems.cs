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

    /// <summary>A conflict with the current state (a duplicate, a stale version, something already done).</summary>
    public static IResult Conflict(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>The caller is who it says but may not do this (e.g. a city acting as another city).</summary>
    public static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    /// <summary>A body in a media type the endpoint does not read.</summary>
    public static IResult UnsupportedMediaType(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: detail);
}
