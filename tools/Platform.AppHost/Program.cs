using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.AppHost;
using Platform.AppHost.Infrastructure;
using Platform.AppHost.Resources;

// One command runs the platform locally (architecture.md §8): the app host starts PostgreSQL and the
// embedded broker in its own process, then runs the services, the gateway and the demo seeder as projects.
var builder = DistributedApplication.CreateBuilder(args);
var settings = PlatformSettings.From(builder.Configuration);

await using var infrastructure = await LocalInfrastructure.StartAsync(
    RepositoryRoot.Find(builder.AppHostDirectory), settings.PostgresPort);

builder.AddPlatform(infrastructure, settings);
builder.Services.AddHostedService<ResourceConsoleLog>();

await using var app = builder.Build();
StartupSummary.Log(app.Services, infrastructure, settings);
try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
{
    // Ctrl+C before every resource had started: a normal way to stop, not a failure.
}
