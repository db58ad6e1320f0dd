using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Charts.Tests.Monitoring;

/// <summary>
/// The PromQL the chart ships (Grafana dashboards under charts/platform/dashboards and the alert
/// rules of templates/prometheusrule.yaml) and the metric names it reads. Also compiled into
/// Platform.EndToEndTests, which checks that a running component exports every one of them.
/// </summary>
public static partial class MonitoredMetrics
{
    /// <summary>Series Prometheus makes itself rather than scraping them.</summary>
    private static readonly HashSet<string> Synthetic = ["up", "scrape_duration_seconds", "scrape_samples_scraped"];

    private static readonly HashSet<string> Keywords =
    [
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "atan2",
        "inf", "nan",
    ];

    /// <summary>Every query of every dashboard: panel targets and template-variable queries.</summary>
    public static IEnumerable<(string Dashboard, string Query)> DashboardQueries(string chartDirectory)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(chartDirectory, "dashboards"), "*.json").Order())
        {
            var name = Path.GetFileName(file);
            foreach (var query in Walk(JsonNode.Parse(File.ReadAllText(file))))
            {
                yield return (name, query);
            }
        }
    }

    /// <summary>The alert expressions as written in the template, Helm actions removed (for names, not for evaluation).</summary>
    public static IEnumerable<string> AlertRuleTemplateExpressions(string chartDirectory)
    {
        var template = File.ReadAllText(Path.Combine(chartDirectory, "templates", "prometheusrule.yaml"));
        return ExprBlock().Matches(template).Select(m => HelmAction().Replace(m.Groups["expr"].Value, ""));
    }

    /// <summary>Every scraped metric name the dashboards and alert rules read.</summary>
    public static IReadOnlySet<string> All(string chartDirectory) =>
        DashboardQueries(chartDirectory).Select(q => q.Query)
            .Concat(AlertRuleTemplateExpressions(chartDirectory))
            .SelectMany(MetricNames)
            .ToHashSet();

    /// <summary>The metric names in one PromQL expression (label matchers, ranges, grouping and functions removed).</summary>
    public static IEnumerable<string> MetricNames(string promql)
    {
        var text = QuotedString().Replace(promql, "\"\"");
        text = Braces().Replace(text, " ");
        text = Brackets().Replace(text, " ");
        text = GroupingClause().Replace(text, " ");
        return Identifier().Matches(text)
            .Where(m => !text[(m.Index + m.Length)..].TrimStart().StartsWith('('))
            .Select(m => m.Value)
            .Where(name => !Keywords.Contains(name) && !Synthetic.Contains(name) && !name.StartsWith('$'))
            .Distinct();
    }

    /// <summary>Whether a /metrics text exposition declares the metric (a histogram's _bucket/_sum/_count included).</summary>
    public static bool IsExported(string exposition, string metric)
    {
        var family = HistogramSuffix().Replace(metric, "");
        return exposition.Contains($"# TYPE {metric} ", StringComparison.Ordinal)
            || exposition.Contains($"# TYPE {family} histogram", StringComparison.Ordinal)
            || Regex.IsMatch(exposition, $"(?m)^{Regex.Escape(metric)}[{{ ]");
    }

    private static IEnumerable<string> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "expr" or "definition" && value is JsonValue v && v.TryGetValue<string>(out var query))
                    {
                        yield return LabelValues().Replace(query, "$1");
                    }
                    else
                    {
                        foreach (var found in Walk(value))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var found in array.SelectMany(Walk))
                {
                    yield return found;
                }

                break;
        }
    }

    [GeneratedRegex(@"expr: \|-\n(?<expr>(?:\s{12,}.*\n)+)")]
    private static partial Regex ExprBlock();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex HelmAction();

    // Grafana's label_values(<series selector>, <label>) -> the selector.
    [GeneratedRegex(@"^label_values\((.*?)(?:,\s*\w+)?\)$")]
    private static partial Regex LabelValues();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")]
    private static partial Regex GroupingClause();

    [GeneratedRegex(@"(?<![\w$.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSuffix();
}
