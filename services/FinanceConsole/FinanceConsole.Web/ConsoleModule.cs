using FinanceConsole.Web.Components;
using FinanceConsole.Web.Endpoints;
using FinanceConsole.Web.Gateway;
using FinanceConsole.Web.Localization;
using FinanceConsole.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Observability;

namespace FinanceConsole.Web;

/// <summary>
/// The console as one module: server-rendered Razor components (static rendering; no page needs a live circuit), sign-in
/// through the gateway's OpenID Connect issuer, and typed clients of the services' public APIs behind the gateway.
/// </summary>
public static class ConsoleModule
{
    public static WebApplicationBuilder AddFinanceConsole(this WebApplicationBuilder builder)
    {
        var settings = ConsoleSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.AddManagementPort();
        builder.AddStructuredLogging("finance-console");
        builder.AddTracing("finance-console");
        builder.AddRequestLimits();
        builder.AddGracefulShutdown();
        builder.Services.AddPlatformHealthChecks();
        builder.Services.AddRazorComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddConsoleSignIn(settings, builder.Environment);
        builder.Services.AddPlatformApis(settings);
        builder.Services.AddScoped<Texts>();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Reached only through the gateway (its route keeps the public Host); the scheme the browser used comes from
            // the gateway's X-Forwarded-Proto, so sign-in redirect URIs name the public address.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }

    public static WebApplication UseFinanceConsole(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<ConsoleSettings>();
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.MapManagementEndpoints();
        app.UsePathBase(settings.PathBase);
        // Routing after the path base is taken off: WebApplication otherwise routes first, on "/console/account/signout",
        // where only the pages' GET endpoints matched, and every form post (sign-out, bank upload) ended in 405.
        app.UseRouting();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapConsoleEndpoints();
        app.MapRazorComponents<App>().RequireAuthorization(ConsolePolicies.SignedIn);
        return app;
    }
}
