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

    /// <summary>A limit on how often the caller may do something (not the gateway's rate limit): tell it when it may again.</summary>
    public static IResult TooManyRequests(HttpContext http, string title, string detail, DateTimeOffset retryAt, DateTimeOffset now)
    {
        http.Response.Headers.RetryAfter = ((long)Math.Ceiling(Math.Max(1, (retryAt - now).TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: detail);
    }
}
