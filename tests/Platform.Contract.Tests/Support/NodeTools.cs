using System.Diagnostics;

namespace Platform.Contract.Tests.Support;

/// <summary>
/// Runs the pinned npm tools in tools/api-lint (Redocly CLI, the AsyncAPI parser), installing them first with the
/// same script .ci/run calls, so a test run on a fresh clone fails loudly instead of skipping.
/// </summary>
public static class NodeTools
{
    private static readonly Lazy<Task> Installed = new(() => RunAsync("bash", [Repository.Path("tools", "api-lint", "install-prerequisites.sh")], TimeSpan.FromMinutes(8), expectSuccess: true));

    public static string Folder => Repository.Path("tools", "api-lint");

    public static async Task<ProcessResult> RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        await Installed.Value;
        var path = tool == "node" ? "node" : System.IO.Path.Combine(Folder, "node_modules", ".bin", tool);
        return await RunAsync(path, arguments, TimeSpan.FromMinutes(3), expectSuccess: false);
    }

    private static async Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan limit, bool expectSuccess)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        var result = new ProcessResult(process.ExitCode, await output, await error);
        if (expectSuccess && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Output}\n{result.Error}");
        }

        return result;
    }
}

public sealed record ProcessResult(int ExitCode, string Output, string Error);
