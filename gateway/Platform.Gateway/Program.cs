using Platform.Gateway;
using Platform.Gateway.Tokens;
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
app.Run();
