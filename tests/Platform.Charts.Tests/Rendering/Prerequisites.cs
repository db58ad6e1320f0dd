namespace Platform.Charts.Tests.Rendering;

/// <summary>
/// The Debian packages the chart checks need. A missing one fails the test with the package's name
/// (never a skip): a chart that was not checked must not look like a chart that passed.
/// </summary>
public static class Prerequisites
{
    private const string Install = "run `bash tools/chart-render/install-prerequisites.sh` (what .ci/run does)";

    public static void RequireRendererToolchain()
    {
        RequireExecutable("go", "golang-go");
        RequireDirectory("/usr/share/gocode/src/github.com/Masterminds/sprig", "golang-github-masterminds-sprig-dev");
        RequireDirectory("/usr/share/gocode/src/sigs.k8s.io/yaml", "golang-k8s-sigs-yaml-dev");
    }

    public static string RequirePromtool() => RequireExecutable("promtool", "prometheus");

    public static string RequireExecutable(string name, string debianPackage)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            $"`{name}` is not installed: the chart tests need the Debian package {debianPackage}; {Install}.");
    }

    private static void RequireDirectory(string path, string debianPackage)
    {
        if (!Directory.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing: the chart renderer is built from the Debian package {debianPackage}; {Install}.");
        }
    }
}
