using Platform.ServiceDefaults.Hosting;

namespace FinanceConsole.Web;

/// <summary>
/// The console's settings (section <c>Console</c>). <c>Gateway</c> is the gateway's base URL: the OpenID Connect issuer
/// people sign in with and the only way to the services (the console calls their public APIs, nothing else).
/// </summary>
public sealed record ConsoleSettings(Uri Gateway, string ClientId, string ClientSecret, string PathBase)
{
    public const string SectionName = "Console";

    public static ConsoleSettings From(IConfiguration configuration)
    {
        var gateway = configuration.Require("Console:Gateway");
        if (!Uri.TryCreate(gateway.TrimEnd('/') + "/", UriKind.Absolute, out var uri))
        {
            throw new InvalidSettingException("Console:Gateway", "is not an absolute URL");
        }

        return new ConsoleSettings(
            uri,
            configuration["Console:ClientId"] ?? "finance-console",
            configuration.Require("Console:ClientSecret", "Identity:Console:ClientSecret"),
            configuration["Console:PathBase"] ?? "/console");
    }
}
