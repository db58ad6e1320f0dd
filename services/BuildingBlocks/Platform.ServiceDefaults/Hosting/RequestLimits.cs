using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// The request limits every component applies (section <c>Limits</c>): the largest request body Kestrel accepts
/// (<c>MaxRequestBodyBytes</c>, 413 beyond it) and how long a request may take (<c>RequestTimeoutSeconds</c>, 504
/// problem details beyond it, the handler's cancellation token being cancelled).
/// </summary>
public static class RequestLimits
{
    public const string SectionName = "Limits";
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;
    public const int DefaultRequestTimeoutSeconds = 30;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        var maxBody = section.GetValue("MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        var timeout = TimeSpan.FromSeconds(section.GetValue<double>("RequestTimeoutSeconds", DefaultRequestTimeoutSeconds));
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = maxBody);
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = timeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = context => WriteTimeoutAsync(context, timeout),
        });
        return builder;
    }

    private static async Task WriteTimeoutAsync(HttpContext context, TimeSpan timeout)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status504GatewayTimeout,
                Title = "Request timed out",
                Detail = $"The request took longer than {timeout.TotalSeconds:0.#} s and was abandoned.",
            },
        });
    }
}
