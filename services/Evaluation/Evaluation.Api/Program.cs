using Evaluation.Api;
using Platform.Persistence;
using Platform.ServiceDefaults.Hosting;

var builder = PlatformHost.CreateBuilder(args);
builder.AddServiceDefaults(EvaluationModule.ServiceName);
builder.AddEvaluation();

var app = builder.Build();
app.UseServiceDefaults();
app.MapEvaluation();
await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
