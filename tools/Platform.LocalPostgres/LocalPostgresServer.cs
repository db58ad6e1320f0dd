using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Platform.LocalPostgres;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a fresh folder, <c>pg_ctl start</c> on a loopback
/// port, and <c>pg_ctl stop</c> plus removal on dispose (or, when its process dies first, by the next one started:
/// <c>LocalPostgresServer.Sweep.cs</c>).
/// </summary>
/// <remarks>
/// Implementation note: PostgreSQL refuses to run as root and CI runs as root, so when this process is
/// root every server command runs as the <c>postgres</c> user through <c>runuser</c> and the data folder is
/// handed to that user (environment.md). Missing binaries fail loudly with what to install; tests never
/// skip silently.
/// </remarks>
public sealed partial class LocalPostgresServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _binDirectory;
    private readonly bool _keepData;
    private bool _stopped;

    private LocalPostgresServer(string root, string binDirectory, int port, bool keepData)
    {
        _root = root;
        _binDirectory = binDirectory;
        _keepData = keepData;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Connection string for the <c>postgres</c> superuser to the given database.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <param name="root">Folder for data and log; a new temporary folder when null.</param>
    /// <param name="port">Port to listen on; a free one when null.</param>
    /// <param name="durable">False turns off fsync and synchronous commit (tests only; never for ledger benchmarks).</param>
    public static async Task<LocalPostgresServer> StartAsync(
        string? root = null, int? port = null, bool durable = false, CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory();
        var keep = root is not null;
        if (!keep)
        {
            await SweepAbandonedAsync(bin, cancellationToken);
        }

        root ??= Path.Combine(Path.GetTempPath(), ThrowawayPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (!keep)
        {
            RecordOwner(root);
        }
        var server = new LocalPostgresServer(root, bin, port ?? FreePort(), keep);
        await server.InitAndStartAsync(durable, cancellationToken);
        return server;
    }

    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"create database \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], throwOnError: false, CancellationToken.None);
        if (!_keepData)
        {
            await DeleteFolderAsync(_root);
        }
    }

    /// <summary>
    /// An immediate stop returns while the server's last processes may still write (the folder is "not empty" to a
    /// delete racing them), so a failed delete is tried again; what still fails is left to the next sweep.
    /// </summary>
    private static async Task DeleteFolderAsync(string folder)
    {
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    /// <summary>Stops the server synchronously; for process-exit handlers where async is not available.</summary>
    public void Stop() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task InitAndStartAsync(bool durable, CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await RunProcessAsync("chown", ["-R", "postgres:postgres", _root], throwOnError: true, asPostgres: false, cancellationToken);
        }

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], throwOnError: true, cancellationToken);
        }

        var settings = $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {_root} -c max_connections=300"
            + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            + (Environment.GetEnvironmentVariable("LOCAL_POSTGRES_SETTINGS") is { Length: > 0 } extra ? " " + extra : string.Empty);
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60", "-o", settings, "start"], throwOnError: true, cancellationToken);
    }

    private Task RunAsync(string tool, IReadOnlyList<string> args, bool throwOnError, CancellationToken cancellationToken) =>
        RunProcessAsync(Path.Combine(_binDirectory, tool), args, throwOnError, asPostgres: IsRoot, cancellationToken);

    private static async Task RunProcessAsync(
        string file, IReadOnlyList<string> args, bool throwOnError, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The PostgreSQL server binaries: <c>PG_BIN</c>, then Debian's layout, then PATH.</summary>
    private static string FindBinDirectory()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries));
        var found = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install PostgreSQL 15 or newer " +
            "(Debian: apt-get install -y postgresql) or set PG_BIN to the folder holding initdb and pg_ctl.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
