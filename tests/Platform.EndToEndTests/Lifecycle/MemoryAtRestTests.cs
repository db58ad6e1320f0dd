using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEndTests.Lifecycle;

/// <summary>
/// Each component at rest — started, ready, connected to PostgreSQL and the broker, idle for a few seconds — must fit in the
/// memory its pod requests in the chart (charts/platform/values.yaml, <c>resources.requests.memory</c>), which is set from
/// these figures (docs/deploy.md "Memory at rest"). The figure is the resident set size (<c>VmRSS</c>), what the kernel
/// charges to the container. Measured on what the images run, the published components (the test command publishes them;
/// by hand: <c>tools/publish-components.sh</c>, then
/// <c>PLATFORM_PUBLISHED=artifacts/publish dotnet test -c Release tests/Platform.EndToEndTests --filter FullyQualifiedName~MemoryAtRest --logger "console;verbosity=detailed"</c>);
/// on the build output it only checks the pod's limit.
/// </summary>
public sealed partial class MemoryAtRestTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<ServiceProcess> _processes = [];
    private string _database = null!;

    public async Task InitializeAsync()
    {
        var infra = await TestInfrastructure.GetAsync();
        var database = _database = await infra.CreateDatabaseAsync("memory_at_rest");
        var ns = infra.CreateTopicNamespace();
        var services = PlatformProcesses.Services.Keys
            .Select(name => PlatformProcesses.Service(name, database, infra.Broker.BootstrapServers, ns))
            .ToList();
        _processes.AddRange([.. services, PlatformProcesses.Gateway(services)]);
        foreach (var process in _processes)
        {
            // As the images run (no ASPNETCORE_ENVIRONMENT: Production). Development adds what a pod never has: the
            // service provider checks every registration when built (loading and compiling each one's constructor
            // chain), user secrets, the gateway's demo people. MEMORY_AT_REST_ENVIRONMENT=Development measures that instead.
            process.Environment["ASPNETCORE_ENVIRONMENT"] = Environment.GetEnvironmentVariable("MEMORY_AT_REST_ENVIRONMENT") ?? "Production";
            // MEMORY_AT_REST_JIT_LOG=<folder>: each process lists every method the JIT compiled (tier, IL and code size) in
            // <folder>/jit-<name>.txt, to see what compiled code a change removes (docs/deploy.md "Memory at rest").
            if (Environment.GetEnvironmentVariable("MEMORY_AT_REST_JIT_LOG") is { } jitLog)
            {
                process.Environment["DOTNET_JitStdOutFile"] = Path.Combine(jitLog, $"jit-{process.Name}.txt");
                process.Environment["DOTNET_JitDisasmSummary"] = "1";
            }

            process.Start();
        }

        await Task.WhenAll(_processes.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_component_at_rest_fits_in_the_memory_its_pod_requests()
    {
        // At rest: the consumers have joined, the relays and sweepers have run a few passes, nothing is being asked.
        await Task.Delay(TimeSpan.FromSeconds(10));

        // What the images run (PLATFORM_PUBLISHED: self-contained, the framework trimmed) must fit in the pod's request, the
        // figure set from this measurement. The build output maps the whole shared framework (about 35 MiB more): it is only
        // held to the pod's limit, what the kernel would stop a container at.
        var bound = ServiceProcess.PublishedFolder is null ? "limits" : "requests";
        var chart = ChartMemory(bound);
        foreach (var process in _processes)
        {
            var rss = process.ResidentBytes ?? throw new InvalidOperationException($"{process.Name} is not running:\n{process.RecentOutput}");
            var allowed = chart.GetValueOrDefault(process.Name, chart["componentDefaults"]);
            output.WriteLine($"{process.Name}: VmRSS {rss / 1024.0 / 1024:F0} MiB ({Split(process)}; {StartupCpu(process)}; {bound} {allowed / 1024 / 1024} Mi, {ServiceProcess.Origin}, {process.Environment["ASPNETCORE_ENVIRONMENT"]})");
            if (Environment.GetEnvironmentVariable("MEMORY_AT_REST_MAPPINGS") is { } top)
            {
                output.WriteLine(LargestMappings(process, int.Parse(top, CultureInfo.InvariantCulture)));
            }

            Assert.True(rss < allowed, $"{process.Name} uses {rss / 1024 / 1024} MiB at rest, more than its pod's {bound} ({allowed / 1024 / 1024} Mi; {ServiceProcess.Origin})");
        }

        // The gateway keeps its people with plain Npgsql: no document store's assemblies (nor their start-up) in its process.
        var gateway = _processes.Single(p => p.Name == "gateway");
        var documentStore = File.ReadLines($"/proc/{gateway.ProcessId}/maps")
            .Where(l => l.Contains("/Marten", StringComparison.Ordinal) || l.Contains("/JasperFx", StringComparison.Ordinal) || l.Contains("/Weasel", StringComparison.Ordinal))
            .ToList();
        Assert.True(documentStore.Count == 0, "the gateway maps Marten's assemblies:\n" + string.Join('\n', documentStore));

        // For the capacity note: the PostgreSQL connections the six processes hold open at rest (all share one database here).
        await using var connection = new Npgsql.NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("select count(*) - 1 from pg_stat_activity where datname = current_database()", connection);
        output.WriteLine($"PostgreSQL connections held at rest by the five services: {await count.ExecuteScalarAsync()}");
    }

    /// <summary>
    /// Anonymous (heaps, thread stacks), file-backed (mapped assemblies and native libraries, shareable) and shared-memory
    /// (the runtime's double-mapped executable memory: JIT-compiled code and stubs) parts of the RSS.
    /// </summary>
    private static string Split(ServiceProcess process)
    {
        var status = File.ReadLines($"/proc/{process.ProcessId}/status")
            .Where(l => l.StartsWith("RssAnon:", StringComparison.Ordinal) || l.StartsWith("RssFile:", StringComparison.Ordinal) || l.StartsWith("RssShmem:", StringComparison.Ordinal))
            .Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => $"{parts[0].TrimEnd(':')} {long.Parse(parts[1], CultureInfo.InvariantCulture) / 1024} MiB");
        return string.Join(", ", status);
    }

    /// <summary>
    /// With <c>MEMORY_AT_REST_MAPPINGS=N</c>: the N mappings of <c>/proc/&lt;pid&gt;/smaps</c> holding the most resident memory,
    /// summed per file (every segment of one assembly or library together; anonymous memory as one line), to see what a change removes.
    /// </summary>
    private static string LargestMappings(ServiceProcess process, int count)
    {
        var perFile = new Dictionary<string, long>(StringComparer.Ordinal);
        var current = "[anonymous]";
        foreach (var line in File.ReadLines($"/proc/{process.ProcessId}/smaps"))
        {
            var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && !parts[0].EndsWith(':'))
            {
                current = parts.Length == 6 ? Path.GetFileName(parts[5].Trim()) : "[anonymous]";
                current = current.Length == 0 ? parts[5].Trim() : current;
            }
            else if (parts is ["Rss:", var kb, ..])
            {
                perFile[current] = perFile.GetValueOrDefault(current) + long.Parse(kb, CultureInfo.InvariantCulture);
            }
        }

        return string.Join('\n', perFile.OrderByDescending(p => p.Value).Take(count).Select(p => $"    {p.Value / 1024.0,6:F1} MiB  {p.Key}"));
    }

    /// <summary>The CPU time the process has used so far (start-up, then rest): what a setting that trades memory for JIT work costs.</summary>
    private static string StartupCpu(ServiceProcess process)
    {
        // /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (100 a second); the command name (field 2)
        // is in parentheses and may hold spaces, so count from the closing one.
        var stat = File.ReadAllText($"/proc/{process.ProcessId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return $"CPU {ticks / 100.0:F1} s";
    }

    /// <summary>
    /// The memory <paramref name="section"/> (<c>requests</c> or <c>limits</c>) of each component in the chart's values.yaml (its
    /// own, else <c>componentDefaults</c>'), read as text: each <c>memory:</c> under that section belongs to the nearest component
    /// heading above it.
    /// </summary>
    private static Dictionary<string, long> ChartMemory(string section)
    {
        var other = section == "requests" ? "limits:" : "requests:";
        var memories = new Dictionary<string, long>(StringComparer.Ordinal);
        string? owner = null;
        var inSection = false;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Path, "charts", "platform", "values.yaml")))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                owner = heading.Groups["name"].Value;
            }

            var key = line.TrimStart();
            inSection = key.StartsWith(section + ":", StringComparison.Ordinal) || (inSection && !key.StartsWith(other, StringComparison.Ordinal));
            if (inSection && owner is not null && MemoryValue().Match(line) is { Success: true } memory && !memories.ContainsKey(owner))
            {
                memories[owner] = long.Parse(memory.Groups["mi"].Value, CultureInfo.InvariantCulture) * 1024 * 1024;
            }
        }

        return memories;
    }

    [GeneratedRegex(@"^(?:(?<name>componentDefaults)|  (?<name>gateway|cost-sharing|compensation-fund|trust-score|evaluation|communication)):\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s+memory:\s*(?<mi>\d+)Mi\s*$")]
    private static partial Regex MemoryValue();
}
