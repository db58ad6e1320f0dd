using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Testing;

/// <summary>
/// Hosts one service in the test process against the real PostgreSQL and broker, with its own database
/// and topic namespace. Management endpoints are served on the main port here.
/// </summary>
public class ServiceFactory<TProgram>(string connectionString, string bootstrapServers, string topicNamespace)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public string ConnectionString { get; } = connectionString;

    public string TopicNamespace { get; } = topicNamespace;

    public Dictionary<string, string?> Settings { get; } = [];

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
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
