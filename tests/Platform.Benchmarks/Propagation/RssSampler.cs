using Platform.Testing;

namespace Platform.Benchmarks.Propagation;

/// <summary>
/// Resident memory (<c>VmRSS</c> of <c>/proc/&lt;pid&gt;/status</c>, <see cref="ServiceProcess.ResidentBytes"/>) of each platform
/// process: one reading now, or the peak of readings every 200 ms while a load runs.
/// </summary>
internal sealed class RssSampler(IReadOnlyList<ServiceProcess> processes)
{
    public static Dictionary<string, double> Now(IReadOnlyList<ServiceProcess> processes) =>
        processes.ToDictionary(p => p.Name, p => Mib(p.ResidentBytes));

    public async Task<Dictionary<string, double>> PeakWhileAsync(Task load)
    {
        var peak = processes.ToDictionary(p => p.Name, _ => 0.0);
        while (!load.IsCompleted)
        {
            foreach (var (name, mib) in Now(processes))
            {
                peak[name] = Math.Max(peak[name], mib);
            }

            await Task.WhenAny(load, Task.Delay(200));
        }

        await load;
        return peak;
    }

    private static double Mib(long? bytes) => bytes is { } b ? b / 1024.0 / 1024.0 : double.NaN;
}
