using System.Text.RegularExpressions;

namespace Platform.Charts.Tests.Rendering;

/// <summary>The values examples of docs/deploy.md (its ```yaml blocks), so that the doc cannot drift from the chart.</summary>
public static partial class DeployDocExamples
{
    public static IReadOnlyList<string> All { get; } = Load();

    /// <summary>The production example, the block that starts with "# my-values.yaml".</summary>
    public static string Production => All.Single(block => block.StartsWith("# my-values.yaml", StringComparison.Ordinal));

    public static string Containing(string text) => All.Single(block => block.Contains(text, StringComparison.Ordinal));

    private static List<string> Load()
    {
        var doc = File.ReadAllText(Repository.File("docs", "deploy.md"));
        return [.. YamlBlock().Matches(doc).Select(match => Dedent(match.Groups["body"].Value))];
    }

    private static string Dedent(string block)
    {
        var lines = block.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"^[ \t]*```yaml[ \t]*\n(?<body>.*?)^[ \t]*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
