using Microsoft.AspNetCore.Http.Features;
using Platform.ServiceDefaults.Errors;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Refuses a request whose declared <c>Content-Length</c> exceeds the body limit (<c>Limits:MaxRequestBodyBytes</c>)
/// before anything is forwarded. A chunked body is cut off by Kestrel at the same limit while it streams; YARP then
/// answers 413 and <see cref="ForwarderErrorProblemDetails"/> explains it.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is not null && context.Request.ContentLength > limit)
        {
            await Problems.Status(
                StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The request body is {context.Request.ContentLength} bytes; at most {limit} are accepted.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
