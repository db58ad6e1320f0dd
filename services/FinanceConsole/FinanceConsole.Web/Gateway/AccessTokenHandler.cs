using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace FinanceConsole.Web.Gateway;

/// <summary>Every call to a service carries the signed-in person's own access token (never a console-wide identity).</summary>
public sealed class AccessTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && await context.GetTokenAsync("access_token") is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
