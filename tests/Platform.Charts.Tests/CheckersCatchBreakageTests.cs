using Platform.Charts.Tests.Rendering;
using Platform.Charts.Tests.Validation;

namespace Platform.Charts.Tests;

/// <summary>
/// The checks above would fail on a broken chart: each test breaks a copy of the chart the way a
/// careless edit would and shows that the render, the API models or a platform rule refuse it.
/// </summary>
public sealed class CheckersCatchBreakageTests : IDisposable
{
    private readonly string _chart = Path.Combine(Path.GetTempPath(), "platform-chart-copy-" + Guid.NewGuid().ToString("N"));

    public CheckersCatchBreakageTests()
    {
        foreach (var file in Directory.GetFiles(Repository.Chart, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_chart, Path.GetRelativePath(Repository.Chart, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_chart, recursive: true);

    [Fact]
    public void A_broken_template_fails_the_render()
    {
        Edit("templates/service.yaml", text => text + "\n{{ include \"platform.no-such-helper\" . }}\n");

        var result = ChartScenario.Dev.Render(_chart);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("platform.no-such-helper", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_probe_breaks_the_probe_rule()
    {
        Edit("templates/deployment.yaml", text => System.Text.RegularExpressions.Regex.Replace(
            text, @"(?s)\n *readinessProbe:.*?(?=\n *\{\{- if \$c\.preStopSleepSeconds)", ""));

        var problems = PlatformRules.ProbesUseTheManagementPort(ChartScenario.Dev.Objects(_chart)).ToList();

        Assert.Contains(problems, p => p.Contains("no readinessProbe", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_values_key_is_refused_by_the_schema()
    {
        Edit("values.yaml", text => text + "\nmonitoring_typo: {}\n");

        Assert.NotEmpty(ValuesSchema.Problems(ChartScenario.Dev.MergedValues(_chart)));
    }

    [Fact]
    public void A_misspelt_Kubernetes_field_is_refused_by_the_API_models()
    {
        Edit("templates/deployment.yaml", text => text.Replace("revisionHistoryLimit: 5", "revisionHistoryLimits: 5", StringComparison.Ordinal));

        var problems = ChartScenario.Dev.Objects(_chart).SelectMany(KubernetesModels.Problems).ToList();

        Assert.Contains(problems, p => p.Contains("revisionHistoryLimits", StringComparison.Ordinal));
    }

    [Fact]
    public void A_number_printed_in_scientific_notation_is_refused_by_the_API_models()
    {
        Edit("templates/migration-job.yaml", text => text.Replace(
            "ttlSecondsAfterFinished: {{ $.Values.migrations.ttlSecondsAfterFinished | int64 }}",
            "ttlSecondsAfterFinished: {{ $.Values.migrations.ttlSecondsAfterFinished }}", StringComparison.Ordinal));

        var problems = ChartScenario.DevWithLargeNumbers.Objects(_chart).SelectMany(KubernetesModels.Problems).ToList();

        Assert.Contains(problems, p => p.Contains("Job", StringComparison.Ordinal));
    }

    [Fact]
    public void A_writable_root_filesystem_breaks_the_lock_down_rule()
    {
        Edit("values.yaml", text => text.Replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", StringComparison.Ordinal));

        Assert.NotEmpty(PlatformRules.EveryContainerIsLockedDown(ChartScenario.Dev.Objects(_chart)));
    }

    private void Edit(string file, Func<string, string> change)
    {
        var path = Path.Combine(_chart, file);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }
}
