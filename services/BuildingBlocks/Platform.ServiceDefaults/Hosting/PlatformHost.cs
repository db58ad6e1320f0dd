using Microsoft.AspNetCore.Builder;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>The one way every platform component creates its host (each Program.cs starts here).</summary>
public static class PlatformHost
{
    /// <summary>
    /// ASP.NET Core's slim builder, not the default one: the same configuration sources (appsettings, the environment's file,
    /// user secrets in Development, environment variables, arguments), console logging and Kestrel, without what no pod of the
    /// platform uses and every process paid for at rest (docs/deploy.md "Memory at rest"): IIS in-process hosting and its
    /// integration, HTTP/3 (the QUIC transport and System.Net.Quic, loaded at start only to ask whether msquic is there),
    /// Kestrel's own HTTPS endpoints (TLS ends at the ingress; pods speak plain HTTP, charts/platform), hosting-startup
    /// assemblies (whose attribute scan loaded MVC's core assembly), the Debug and EventSource logging providers, and the
    /// <c>regex</c>/<c>alpha</c> route constraints (no route uses them).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) => WebApplication.CreateSlimBuilder(args);
}
