using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Observability;

namespace Platform.ServiceDefaults.Errors;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// RFC 9457 problem details for every error, stamped with the trace and correlation ids. Exceptions no
    /// handler claims are logged by the exception middleware and answered as a bare 500 problem.
    /// </summary>
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            if (CorrelationContext.CorrelationId is { } correlationId)
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
