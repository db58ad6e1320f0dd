using System.Diagnostics;
using System.Globalization;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.Benchmarks.Gateway;

/// <summary>
/// What the gateway costs: the same authenticated GET (<c>/api/trust/scores</c>, a paged read from PostgreSQL) sent
/// straight to trust-score and through the gateway, both running as Release processes against a local PostgreSQL and
/// the embedded broker. Direct and gateway runs alternate, so drift of the shared machine falls on both alike. The
/// gateway does everything it does in production: token validation, rate limiting (with limits too high to bind),
/// header stripping, metrics, forwarding; the service validates the token again.
/// </summary>
public static class GatewayOverhead
{
    private const string Path = "/api/trust/scores";

    /// <summary><c>gateway [moderate rate, requests/s = 300] [closed-loop concurrency = 4] [seconds per run = 5] [rounds = 3]</c></summary>
    public static Task RunAsync(string[] args)
    {
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        return RunAsync(Arg(0, 300), Arg(1, 4), Arg(2, 5), Arg(3, 3));
    }

    public static async Task RunAsync(int rate, int concurrency, int seconds, int rounds)
    {
        await BuildAsync("services/TrustScore/TrustScore.Api");
        await BuildAsync("gateway/Platform.Gateway");

        await using var postgres = await LocalPostgresServer.StartAsync();
        using var broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        TestInfrastructure.CreateTopics(broker, "bench");
        await postgres.CreateDatabaseAsync("gateway_bench");

        await using var service = new ServiceProcess("trust-score", "services/TrustScore/TrustScore.Api", Quiet(new Dictionary<string, string>
        {
            ["ConnectionStrings__postgres"] = postgres.ConnectionString("gateway_bench"),
            ["Kafka__BootstrapServers"] = broker.BootstrapServers,
            ["Messaging__Namespace"] = "bench",
            ["Auth__SigningKeys__0"] = TestTokens.PublicKeyPem,
        }));
        service.Start();
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        await using var gateway = new ServiceProcess("gateway", "gateway/Platform.Gateway", Quiet(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",

            // The gateway keeps its people (identity store) in PostgreSQL, in its own schema: the service's database serves.
            ["ConnectionStrings__postgres"] = postgres.ConnectionString("gateway_bench"),
            ["TokenIssuer__SigningKeyPem"] = TestTokens.PrivateKeyPem,
            ["Auth__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["RateLimiting__Clients__PermitLimit"] = "1000000",
            ["RateLimiting__Clients__TokensPerPeriod"] = "1000000",
            ["ReverseProxy__Clusters__trust-score__Destinations__d1__Address"] = service.BaseAddress.ToString(),
            ["ReverseProxy__Clusters__trust-score__Destinations__d1__Health"] = $"http://127.0.0.1:{service.ManagementPort}",
        }));
        gateway.Start();
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        var token = TestTokens.For(PlatformRoles.Auditor, lifetime: TimeSpan.FromHours(1));
        var direct = new LoadRun(service.BaseAddress, Path, token, concurrency);
        var proxied = new LoadRun(gateway.BaseAddress, Path, token, concurrency);
        await direct.RunAsync(TimeSpan.FromSeconds(3));
        await proxied.RunAsync(TimeSpan.FromSeconds(3));

        Sample? directTotal = null, gatewayTotal = null, directModerate = null, gatewayModerate = null;
        for (var round = 0; round < rounds; round++)
        {
            directTotal = Add(directTotal, await direct.RunAsync(TimeSpan.FromSeconds(seconds)));
            gatewayTotal = Add(gatewayTotal, await proxied.RunAsync(TimeSpan.FromSeconds(seconds)));
            directModerate = Add(directModerate, await direct.RunAtRateAsync(rate, TimeSpan.FromSeconds(seconds)));
            gatewayModerate = Add(gatewayModerate, await proxied.RunAtRateAsync(rate, TimeSpan.FromSeconds(seconds)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gateway benchmark: authenticated GET {Path} (a page read from PostgreSQL), direct to trust-score vs through the gateway, runs alternating, {rounds} x {seconds} s per target and load; {Environment.ProcessorCount} cores shared by client, gateway, service and PostgreSQL"));
        Report($"moderate load: open loop at {rate} requests/s", directModerate!, gatewayModerate!);
        Report($"saturation: closed loop, {concurrency} concurrent callers", directTotal!, gatewayTotal!);
    }

    private static Sample Add(Sample? total, Sample run) => total?.Add(run) ?? run;

    private static void Report(string load, Sample direct, Sample gateway)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(load);
        Console.WriteLine(string.Create(c, $"  {"",-10} {"req/s",10} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"requests",9}"));
        foreach (var (name, s) in new[] { ("direct", direct), ("gateway", gateway) })
        {
            Console.WriteLine(string.Create(c, $"  {name,-10} {s.Throughput,10:F0} {s.Percentile(0.5),8:F2} {s.Percentile(0.9),8:F2} {s.Percentile(0.99),8:F2} {s.LatenciesMs.Count,9}"));
        }

        Console.WriteLine(string.Create(c, $"  throughput ratio gateway/direct {gateway.Throughput / direct.Throughput:F2}; added latency p50 {gateway.Percentile(0.5) - direct.Percentile(0.5):F2} ms, p99 {gateway.Percentile(0.99) - direct.Percentile(0.99):F2} ms"));
    }

    /// <summary>Benchmark processes log warnings only, so their logging costs nothing in the measurement.</summary>
    internal static Dictionary<string, string> Quiet(Dictionary<string, string> environment)
    {
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["Logging__LogLevel__Yarp"] = "Warning";
        return environment;
    }

    /// <summary>
    /// The gateway and the service are not referenced by this project; build them in this project's configuration, the
    /// one <see cref="ServiceProcess"/> runs them from.
    /// </summary>
    internal static async Task BuildAsync(string project)
    {
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", BuildConfiguration.Name, "-v", "q", "--nologo", project])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not run dotnet build.");
        var output = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {project} failed:\n{output}");
        }
    }
}
