using Communication.Api;
using Platform.Persistence;
using Platform.ServiceDefaults.Hosting;

var builder = PlatformHost.CreateBuilder(args);
builder.AddServiceDefaults(CommunicationModule.ServiceName);
builder.AddCommunication();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCommunication();
await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
