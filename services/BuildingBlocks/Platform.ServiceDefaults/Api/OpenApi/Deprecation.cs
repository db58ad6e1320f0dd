using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Api.OpenApi;

/// <summary>An operation announced for removal (docs/api-versioning.md §3).</summary>
public sealed record DeprecatedEndpointMetadata(DateTimeOffset Since, DateTimeOffset Sunset, string? Successor);

public static class Deprecation
{
    /// <summary>The shortest life a deprecated operation keeps after its announcement (docs/api-versioning.md §3).</summary>
    public static readonly int MinimumMonths = 6;

    /// <summary>
    /// Marks the endpoint deprecated in its OpenAPI document (which announces the removal to the breaking-change check) and
    /// answers every call with <c>Deprecation</c> (RFC 9745: <c>@</c> and Unix seconds), <c>Sunset</c> (RFC 8594: an
    /// HTTP-date) and, when given, a <c>Link</c> to the successor (RFC 8288 <c>successor-version</c>).
    /// </summary>
    public static RouteHandlerBuilder Deprecated(this RouteHandlerBuilder endpoint, DateTimeOffset since, DateTimeOffset sunset, string? successor = null)
    {
        if (sunset < since.AddMonths(MinimumMonths))
        {
            throw new ArgumentOutOfRangeException(nameof(sunset), $"A deprecated operation lives at least {MinimumMonths} months (docs/api-versioning.md §3).");
        }

        var metadata = new DeprecatedEndpointMetadata(since, sunset, successor);
        return endpoint.WithMetadata(metadata).AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers["Deprecation"] = "@" + since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            headers["Sunset"] = sunset.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
            if (successor is not null)
            {
                headers.Append("Link", $"<{successor}>; rel=\"successor-version\"");
            }

            return await next(context);
        });
    }
}
