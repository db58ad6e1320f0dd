using Microsoft.AspNetCore.Http;

namespace Platform.Idempotency;

/// <summary>
/// An idempotent request's answer written from the JSON recorded for it: the first answer and every replay are the same
/// bytes, and the body is serialized once (for the record), not a second time for the response.
/// </summary>
internal sealed class StoredJsonResult(int statusCode, string? location, string json) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        return response.WriteAsync(json, System.Text.Encoding.UTF8);
    }
}
