using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Testing;

/// <summary>
/// Hosts one service in the test process against the real PostgreSQL and broker, with its own database
/// and topic namespace, behind a real Kestrel server on a loopback port (so limits such as the maximum
/// body size behave as in production). Management endpoints are served on the main port here.
/// </summary>
public class ServiceFactory<TProgram>(string connectionString, string bootstrapServers, string topicNamespace)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly bool _kestrel = UseRealHttp();

    public string ConnectionString { get; } = connectionString;

    public string TopicNamespace { get; } = topicNamespace;

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The hosting environment: Development for tests; the benchmarks measure Production, as the images run.</summary>
    public string Environment { get; set; } = "Development";

    /// <summary>Starts the server; call once before creating clients.</summary>
    public ServiceFactory<TProgram> Start()
    {
        if (_kestrel)
        {
            UseKestrel(0);
        }

        StartServer();
        return this;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static bool UseRealHttp() => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // UseSetting, not ConfigureAppConfiguration: minimal-hosting services read configuration while
        // building, before late configuration callbacks would apply.
        var settings = TestTokens.ServiceSettings().Concat(
        [
            new("ConnectionStrings:postgres", ConnectionString),
            new("Kafka:BootstrapServers", bootstrapServers),
            new("Messaging:Namespace", TopicNamespace),
            new("Messaging:RelayPollInterval", "00:00:00.100"),
            new("Management:Port", string.Empty),
        ]).Concat(Settings);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
