using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Gateway.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 standing in for a service, answering with <see cref="Handler"/> (which a test
/// may swap while it runs) and counting the requests per method and path it received.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    private StubServer(WebApplication app, RequestDelegate handler)
    {
        this.app = app;
        Handler = handler;
    }

    public RequestDelegate Handler { get; set; }

    public string Address => app.Urls.Single();

    /// <param name="handler">What the server answers.</param>
    /// <param name="address">A fixed address (a service coming back where it was); a free port when null.</param>
    public static async Task<StubServer> StartAsync(RequestDelegate handler, string? address = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address ?? "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubServer(app, handler);
        app.Run(context =>
        {
            stub.calls.AddOrUpdate($"{context.Request.Method} {context.Request.Path}", 1, (_, n) => n + 1);
            return stub.Handler(context);
        });
        await app.StartAsync();
        return stub;
    }

    public int Calls(string method, string path) => calls.TryGetValue($"{method} {path}", out var n) ? n : 0;

    /// <summary>Every request the server received, whatever its method and path.</summary>
    public int AllCalls => calls.Values.Sum();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
