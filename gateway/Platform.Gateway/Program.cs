using Platform.Gateway;
using Platform.Gateway.Tokens;
using Platform.Persistence;
using Platform.ServiceDefaults.Hosting;

if (HashSecretCommand.TryRun(args, Console.In, Console.Out))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults(afterAuthentication: GatewayExtensions.UseGatewayEdge, beforeAuthentication: GatewayExtensions.UseIdentityEdge);
app.MapGateway();
if (args.Contains("--migrate", StringComparer.Ordinal) && app.Services.GetService<StoreInitializer>() is null)
{
    return; // An external provider issues the tokens: the gateway keeps no people, so there is no schema to migrate.
}

await app.RunOrMigrateAsync(args);
