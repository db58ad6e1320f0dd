using System.Diagnostics;
using System.Globalization;

namespace Platform.Benchmarks.Fund;

/// <summary>
/// CPU seconds spent by this process (client and service) and by the PostgreSQL cluster (the postmaster and its
/// children, read from /proc): on a shared machine, CPU per entry says more than wall-clock rates alone.
/// </summary>
internal sealed class CpuMeter(string dataDirectory)
{
    private static readonly double TicksPerSecond = 100.0;

    public (double Process, double Database) Read()
    {
        Process.GetCurrentProcess().Refresh();
        var process = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        return (process, DatabaseSeconds());
    }

    /// <summary>CPU seconds of this process's live threads, summed by thread name (threads that ended are not counted).</summary>
    public static Dictionary<string, double> ByThreadName()
    {
        var byName = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                byName[name] = byName.GetValueOrDefault(name) + seconds;
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return byName;
    }

    private double DatabaseSeconds()
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!OperatingSystem.IsLinux() || !File.Exists(pidFile))
        {
            return double.NaN;
        }

        var postmaster = File.ReadLines(pidFile).First().Trim();
        var total = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (Path.GetFileName(dir) == postmaster || fields[1] == postmaster)
                {
                    total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return total / TicksPerSecond;
    }
}
