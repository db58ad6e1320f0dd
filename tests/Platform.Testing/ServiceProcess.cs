using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// One platform component running as its own operating-system process from its build output, as it runs
/// in production: real Kestrel ports, its own management port, killable for crash tests.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ServiceProcess(string name, string projectPath, IDictionary<string, string> environment)
    {
        Name = name;
        ProjectPath = projectPath;
        Environment = new Dictionary<string, string>(environment);
        HttpPort = FreePort();
        ManagementPort = FreePort();
    }

    public string Name { get; }

    /// <summary>Path of the project folder relative to the repository root, e.g. <c>services/CostSharing/CostSharing.Api</c>.</summary>
    public string ProjectPath { get; }

    public Dictionary<string, string> Environment { get; }

    public int HttpPort { get; }

    public int ManagementPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public bool HasExited => _process?.HasExited ?? true;

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>The running process's resident memory in bytes (for benchmarks), or null when it is not running.</summary>
    public long? WorkingSetBytes
    {
        get
        {
            if (_process is not { HasExited: false } process)
            {
                return null;
            }

            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>The operating-system process id, or null before <see cref="Start"/>.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>
    /// Resident set size (<c>VmRSS</c> of <c>/proc/&lt;pid&gt;/status</c>): what the kernel charges the process, the figure a container's
    /// memory limit is held against; null when the process is not running or /proc is unavailable.
    /// </summary>
    public long? ResidentBytes
    {
        get
        {
            if (_process is not { HasExited: false } process)
            {
                return null;
            }

            var status = $"/proc/{process.Id}/status";
            if (!File.Exists(status))
            {
                return null;
            }

            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? null : long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>The folder of published components the processes run from (<c>PLATFORM_PUBLISHED</c>), or null for the build output.</summary>
    public static string? PublishedFolder => System.Environment.GetEnvironmentVariable("PLATFORM_PUBLISHED") is { Length: > 0 } folder ? folder : null;

    /// <summary>What the processes run, for reports: "published (self-contained, trimmed)" or "Release build".</summary>
    public static string Origin => PublishedFolder is null ? $"{BuildConfiguration.Name} build" : "published (self-contained, trimmed)";

    public string RecentOutput => string.Join('\n', _output.TakeLast(80));

    /// <summary>Starts the process; after it exited (killed or stopped) starts it again on the same ports, as a rescheduled pod would.</summary>
    public void Start()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        _process?.Dispose();
        var start = StartInfo();
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["Management__Port"] = ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["MALLOC_ARENA_MAX"] = "2"; // as the images set it (Directory.Build.props)
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until <c>/health/ready</c> on the management port answers 200 (database and broker reachable).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {ExitCode} while starting:\n{RecentOutput}");
            }

            try
            {
                var response = await client.GetAsync(new Uri($"http://127.0.0.1:{ManagementPort}/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} did not become ready:\n{RecentOutput}");
    }

    /// <summary>Kills the process at once (SIGKILL), as a node failure would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Asks the process to stop (SIGTERM), as Kubernetes does when it deletes a pod.</summary>
    public void Terminate()
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
                ?? throw new InvalidOperationException("Could not run kill.");
            kill.WaitForExit();
        }
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process!.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        if (_process is not null)
        {
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    /// <summary>
    /// The component's build output (<c>bin/&lt;configuration&gt;/net10.0</c>, run by the <c>dotnet</c> host), or, when
    /// <c>PLATFORM_PUBLISHED</c> names a folder, what the images run: the self-contained, trimmed publish output in
    /// <c>&lt;folder&gt;/&lt;project name&gt;/</c>, started by its own executable (<c>tools/publish-components.sh</c> writes it).
    /// </summary>
    private ProcessStartInfo StartInfo()
    {
        var project = Path.GetFileName(ProjectPath);
        if (PublishedFolder is { } published)
        {
            var executable = Path.Combine(Path.GetFullPath(published, RepositoryRoot.Path), project, project);
            return File.Exists(executable)
                ? Redirected(new ProcessStartInfo(executable) { WorkingDirectory = Path.GetDirectoryName(executable)! })
                : throw new FileNotFoundException($"{Name} is not published: {executable} is missing. Publish it first (tools/publish-components.sh).");
        }

        var dll = Path.Combine(RepositoryRoot.Path, ProjectPath, "bin", BuildConfiguration.Name, "net10.0", project + ".dll");
        return File.Exists(dll)
            ? Redirected(new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll)! })
            : throw new FileNotFoundException($"{Name} is not built: {dll} is missing. Build the solution first (dotnet build Platform.sln).");

        static ProcessStartInfo Redirected(ProcessStartInfo start)
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            return start;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400)
        {
            _output.TryDequeue(out _);
        }
    }

    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// A free port below Linux's ephemeral range (32768–60999). A port the kernel picks for a listener on port 0 comes
    /// from that range, where the many outgoing connections of a test run (PostgreSQL, Kafka, HTTP) also take their
    /// local ports: between picking it and the service binding it, one of them could take it (seen as "address
    /// already in use" when a dozen processes start at once). Never the same port twice in one run.
    /// </summary>
    public static int FreePort()
    {
        lock (Handed)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(20000, 32000);
                if (Handed.Contains(port))
                {
                    continue;
                }

                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    Handed.Add(port);
                    return port;
                }
                catch (SocketException)
                {
                }
            }
        }

        throw new InvalidOperationException("No free port found between 20000 and 32000.");
    }
}

public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
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

public static class BuildConfiguration
{
#if DEBUG
    public const string Name = "Debug";
#else
    public const string Name = "Release";
#endif
}
