using System.Diagnostics;

namespace Platform.Charts.Tests.Rendering;

/// <summary>
/// Runs tools/chart-render (Helm's template engine rebuilt from Debian's Go packages; docs/deploy.md
/// "Checking the chart without a cluster"), built once per test run.
/// </summary>
public static class ChartRenderer
{
    private static readonly Lazy<string> Binary = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static RenderResult Render(string chartDirectory, IEnumerable<string> arguments) =>
        Run(Binary.Value, ["-chart", chartDirectory, .. arguments]);

    private static string Build()
    {
        Prerequisites.RequireRendererToolchain();
        var output = Path.Combine(Path.GetTempPath(), $"platform-chart-render-{Environment.ProcessId}", "chart-render");
        var build = Run("bash", [Repository.File("tools", "chart-render", "build.sh"), output]);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("Building tools/chart-render failed:\n" + build.Errors);
        }

        return output;
    }

    internal static RenderResult Run(string fileName, IEnumerable<string> arguments, string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within 3 minutes");
        }

        return new RenderResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

public sealed record RenderResult(int ExitCode, string Output, string Errors);
