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

await using var app = builder.Build();
await app.StartAsync();
StartupSummary.Log(app.Services, infrastructure, settings);
await app.WaitForShutdownAsync();
