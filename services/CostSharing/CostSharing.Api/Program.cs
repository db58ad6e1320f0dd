using CostSharing.Api;
using Platform.Persistence;
using Platform.ServiceDefaults.Hosting;

var builder = PlatformHost.CreateBuilder(args);
builder.AddServiceDefaults(CostSharingModule.ServiceName);
builder.AddCostSharing();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCostSharing();
await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
