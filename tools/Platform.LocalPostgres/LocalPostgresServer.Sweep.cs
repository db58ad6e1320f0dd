using System.Diagnostics;
using System.Globalization;

namespace Platform.LocalPostgres;

/// <summary>
/// Throwaway clusters left behind by a process that died (a test run killed mid-way never reaches its dispose): each
/// holds a running server and a few hundred MB of data, and enough of them fill the disk. A new throwaway cluster
/// first stops and removes those whose owning process is gone.
/// </summary>
public sealed partial class LocalPostgresServer
{
    private const string ThrowawayPrefix = "platform-pg-";
    private const string OwnerFile = "owner.pid";

    /// <summary>A folder without an owner record (or one being created this instant) is left alone unless it is this old.</summary>
    private static readonly TimeSpan UnownedAge = TimeSpan.FromHours(1);

    private static void RecordOwner(string root) =>
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    private static async Task SweepAbandonedAsync(string binDirectory, CancellationToken cancellationToken)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), ThrowawayPrefix + "*"))
        {
            if (!IsAbandoned(folder))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await RunProcessAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], throwOnError: false, asPostgres: IsRoot, cancellationToken);
            }

            await DeleteFolderAsync(folder);
        }
    }

    private static bool IsAbandoned(string folder)
    {
        var owner = Path.Combine(folder, OwnerFile);
        try
        {
            if (!File.Exists(owner))
            {
                return Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow - UnownedAge;
            }

            return int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
