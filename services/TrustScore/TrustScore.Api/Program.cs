using Platform.Persistence;
using Platform.ServiceDefaults.Hosting;
using TrustScore.Api;

var builder = PlatformHost.CreateBuilder(args);
builder.AddServiceDefaults(TrustScoreModule.ServiceName);
builder.AddTrustScore();

var app = builder.Build();
app.UseServiceDefaults();
app.MapTrustScore();
await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
