using CompensationFund.Api;
using Platform.Persistence;
using Platform.ServiceDefaults.Hosting;

var builder = PlatformHost.CreateBuilder(args);
builder.AddServiceDefaults(CompensationFundModule.ServiceName);
builder.AddCompensationFund();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCompensationFund();
await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
