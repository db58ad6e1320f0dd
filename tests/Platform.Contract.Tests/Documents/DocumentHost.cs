using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Testing;

namespace Platform.Contract.Tests.Documents;

/// <summary>
/// Builds a service's host in the test process only to ask it for its OpenAPI document: no database, no broker, no
/// background work. The document comes from the same code and metadata as in production (ASP.NET's document
/// generation runs on request), so nothing about it is simulated; only the hosted services that would connect to
/// PostgreSQL and Kafka are left out, and the connection settings point nowhere.
/// </summary>
public sealed class DocumentHost<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = TestTokens.ServiceSettings().Concat(
        [
            new("ConnectionStrings:postgres", "Host=127.0.0.1;Port=1;Database=none;Username=none"),
            new("Kafka:BootstrapServers", "127.0.0.1:1"),
            new("Management:Port", string.Empty),
        ]);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.RemoveAll<IHostedService>());
    }
}
