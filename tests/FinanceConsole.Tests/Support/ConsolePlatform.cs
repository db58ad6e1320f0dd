using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.EndToEndTests;
using Platform.Testing;
using Xunit;

namespace FinanceConsole.Tests.Support;

/// <summary>
/// The whole platform as processes (five services, the gateway, the finance console) against the real PostgreSQL and broker,
/// and a headless Chromium (Debian's, <c>/usr/bin/chromium</c>; tools/console-tests/install-prerequisites.sh installs it).
/// The browser reaches the console only through the gateway, as a person would.
/// </summary>
public sealed class ConsolePlatform : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DemoPassword = "Demo-Password-1";

    /// <summary>
    /// Generous waits: the test machine is shared and loaded (eight processes and a browser on two cores), so a page can take
    /// seconds. Every wait is on an element or a URL, never a fixed sleep.
    /// </summary>
    public const int NavigationTimeoutMs = 90_000;
    public const int ExpectTimeoutMs = 30_000;

    private readonly List<ServiceProcess> _processes = [];
    private IPlaywright? _playwright;

    public ServiceProcess Gateway { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the screenshots of every page go: <c>artifacts/console-screenshots/</c> under the test output.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "console-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: run tools/console-tests/install-prerequisites.sh (apt-get install -y chromium).");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        var infra = await TestInfrastructure.GetAsync();
        var connectionString = await infra.CreateDatabaseAsync("console_e2e");
        var ns = infra.CreateTopicNamespace();
        var services = PlatformProcesses.Services.Keys
            .Select(name => PlatformProcesses.Service(name, connectionString, infra.Broker.BootstrapServers, ns))
            .ToList();
        var console = PlatformProcesses.Console();
        Gateway = PlatformProcesses.Gateway([.. services, console]);
        console.Environment["Console__Gateway"] = Gateway.BaseAddress.ToString();
        // A browser signs in and loads pages without a bearer token: the gateway counts it per address, like any anonymous caller.
        // Several browser sessions from one test machine need more than one person's budget.
        Gateway.Environment["RateLimiting__Anonymous__PermitLimit"] = "1000";
        Gateway.Environment["RateLimiting__Anonymous__TokensPerPeriod"] = "500";
        // The gateway keeps its people in PostgreSQL and registers the console's redirect addresses under its public address.
        Gateway.Environment["ConnectionStrings__postgres"] = connectionString;
        Gateway.Environment["Identity__Console__BaseUrl"] = Gateway.BaseAddress.ToString().TrimEnd('/');
        _processes.AddRange([.. services, console, Gateway]);
        foreach (var process in _processes)
        {
            process.Start();
        }

        await Task.WhenAll(_processes.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(300))));
        using var client = new HttpClient { BaseAddress = Gateway.BaseAddress };
        foreach (var name in PlatformProcesses.Services.Keys)
        {
            await Eventually.Until(async () => (await client.GetAsync($"/openapi/{name}.json")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), $"the gateway to route to {name}");
        }

        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        // What each process said last, beside the screenshots: the first place to look when a browser test fails.
        await File.WriteAllTextAsync(Path.Combine(ScreenshotDirectory, "..", "platform-output.log"), Output);
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>The console's address through the gateway.</summary>
    public string ConsoleUrl(string path = "") => new Uri(Gateway.BaseAddress, "/console/" + path.TrimStart('/')).ToString();

    /// <summary>A fresh browser session (its own cookies), in English unless told otherwise.</summary>
    public async Task<IPage> NewSessionAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultNavigationTimeout(NavigationTimeoutMs);
        context.SetDefaultTimeout(NavigationTimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>A machine client of the gateway (client credentials), for setting up data through the public APIs.</summary>
    public Task<HttpClient> ClientAsync(string clientId) =>
        GatewayClients.ClientCredentialsAsync(Gateway.BaseAddress, clientId);

    public string Output => string.Join("\n\n", _processes.Select(p => $"== {p.Name}\n{p.RecentOutput}"));
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsolePlatform>
{
    public const string Name = "console";
}
