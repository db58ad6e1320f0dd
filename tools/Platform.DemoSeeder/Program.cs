using Microsoft.Extensions.Configuration;
using Platform.DemoSeeder;
using Polly.Timeout;

// Run by the app host once the gateway is healthy; also runnable alone:
// dotnet run --project tools/Platform.DemoSeeder -- --Gateway:Url http://127.0.0.1:8080
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var gatewayUrl = configuration["Gateway:Url"] ?? "http://127.0.0.1:8080";
var region = await DemoRegion.LoadAsync(DemoRegion.DefaultPath);

using var http = new HttpClient { BaseAddress = new Uri(gatewayUrl.TrimEnd('/') + "/"), Timeout = Timeout.InfiniteTimeSpan };
var story = new DemoStory(new GatewayApi(http, GatewayRetry.Create(Console.Out)), region, Console.Out, TimeProvider.System);
Console.WriteLine($"Gateway: {gatewayUrl}");
try
{
    await story.RunAsync(CancellationToken.None);
    return 0;
}
catch (Exception e) when (e is GatewayRefusedException or HttpRequestException or TimeoutRejectedException or InvalidDataException)
{
    Console.Error.WriteLine($"Seeding failed: {e.Message}");
    return 1;
}
