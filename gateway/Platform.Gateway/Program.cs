using Platform.Gateway;
using Platform.Gateway.Tokens;
using Platform.Gateway.Identity.Storage;
using Platform.ServiceDefaults.Hosting;

if (HashSecretCommand.TryRun(args, Console.In, Console.Out))
{
    return;
}

var builder = PlatformHost.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults(afterAuthentication: GatewayExtensions.UseGatewayEdge, beforeAuthentication: GatewayExtensions.UseIdentityEdge);
app.MapGateway();
if (args.Contains("--migrate", StringComparer.Ordinal))
{
    // The chart's migration step: create the tables and exit. With an external provider issuing the tokens the gateway
    // keeps no people, so there is nothing to migrate.
    if (app.Services.GetService<IdentityTables>() is { } tables)
    {
        await tables.ApplyAsync(CancellationToken.None);
    }

    return;
}

await app.RunAsync();
