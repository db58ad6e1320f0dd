using System.Diagnostics;
using System.Globalization;
using Platform.LocalPostgres;

namespace Platform.AppHost.Infrastructure;

/// <summary>The app host's PostgreSQL: a fresh cluster in a fixed folder on each start.</summary>
internal static class LocalPostgresCluster
{
    public static async Task<LocalPostgresServer> StartFreshAsync(string root, int port)
    {
        StopLeftover(root);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        try
        {
            // durable: false turns fsync off; acceptable for throwaway local data, never for ledger benchmarks.
            return await LocalPostgresServer.StartAsync(root, port, durable: false);
        }
        catch (InvalidOperationException e)
        {
            var log = Path.Combine(root, "postgres.log");
            throw new InvalidOperationException(
                $"PostgreSQL did not start on 127.0.0.1:{port}. If the port is taken, set Platform:PostgresPort " +
                $"(e.g. --Platform:PostgresPort 55433). Server log ({log}):\n" +
                (File.Exists(log) ? await File.ReadAllTextAsync(log) : "(none)"), e);
        }
    }

    /// <summary>
    /// Stops a server that an earlier app host left running when it was killed without a chance to clean up:
    /// it would hold the port and the folder this run needs.
    /// </summary>
    private static void StopLeftover(string root)
    {
        var pidFile = Path.Combine(root, "data", "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            return;
        }

        Process postmaster;
        try
        {
            postmaster = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return;
        }

        using (postmaster)
        {
            if (postmaster.ProcessName != "postgres")
            {
                return;
            }

            // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster stops its children and releases shared memory.
            using (var quit = Process.Start("kill", ["-s", "QUIT", pid.ToString(CultureInfo.InvariantCulture)]))
            {
                quit.WaitForExit();
            }

            if (!postmaster.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                postmaster.Kill(entireProcessTree: true);
            }
        }
    }
}
