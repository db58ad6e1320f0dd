using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Contracts;
using Platform.EmbeddedKafka;
using Platform.LocalPostgres;
using Platform.ServiceDefaults.Security;

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
        var root = RepositoryRoot();
        await BuildAsync(root, "services/TrustScore/TrustScore.Api");
        await BuildAsync(root, "gateway/Platform.Gateway");

        await using var postgres = await LocalPostgresServer.StartAsync();
        using var broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic($"bench.{topic}", partitions: 4);
        }

        await postgres.CreateDatabaseAsync("gateway_bench");
        using var key = RSA.Create(2048);
        var publicKey = key.ExportSubjectPublicKeyInfoPem();

        await using var service = BenchProcess.Start(root, "services/TrustScore/TrustScore.Api", "Development", new Dictionary<string, string>
        {
            ["ConnectionStrings__postgres"] = postgres.ConnectionString("gateway_bench"),
            ["Kafka__BootstrapServers"] = broker.BootstrapServers,
            ["Messaging__Namespace"] = "bench",
            ["Auth__SigningKeys__0"] = publicKey,
        });
        await service.WaitUntilReadyAsync();
        await using var gateway = BenchProcess.Start(root, "gateway/Platform.Gateway", "Production", new Dictionary<string, string>
        {
            ["TokenIssuer__SigningKeyPem"] = key.ExportPkcs8PrivateKeyPem(),
            ["Auth__SigningKeys__0"] = publicKey,
            ["RateLimiting__Clients__PermitLimit"] = "1000000",
            ["RateLimiting__Clients__TokensPerPeriod"] = "1000000",
            ["ReverseProxy__Clusters__trust-score__Destinations__d1__Address"] = service.BaseAddress.ToString(),
            ["ReverseProxy__Clusters__trust-score__Destinations__d1__Health"] = service.ManagementAddress.ToString(),
        });
        await gateway.WaitUntilReadyAsync();

        var token = Token(key);
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

    private static string Token(RSA key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = AuthSettings.DefaultIssuer,
        Audience = AuthSettings.DefaultAudience,
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = "bench-auditor",
            [PlatformClaims.ClientId] = "bench-auditor",
            [PlatformClaims.Role] = PlatformRoles.Auditor,
        },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = KeyIds.For(key) }, SecurityAlgorithms.RsaSha256),
    });

    /// <summary>The gateway and the service are not referenced by this project; build them (Release) if needed.</summary>
    private static async Task BuildAsync(string root, string project)
    {
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-v", "q", "--nologo", project])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not run dotnet build.");
        var output = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {project} failed:\n{output}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
