namespace Evaluation.Api.Domain.Criteria;

/// <summary>
/// One version of a criteria framework: its tree as published and the leaf weights resolved from it. A new version
/// never changes a round already opened under an earlier one (rounds keep a snapshot of the leaves).
/// </summary>
public sealed class CriteriaFramework
{
    public string Id { get; set; } = string.Empty;

    public string FrameworkId { get; set; } = string.Empty;

    public int Version { get; set; }

    /// <summary><c>activity</c> or <c>participant</c>: which rounds it is meant for.</summary>
    public string Kind { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<Criterion> Criteria { get; set; } = [];

    public List<List<double>>? Comparisons { get; set; }

    public List<LeafCriterion> Leaves { get; set; } = [];

    public List<SiblingWeighing> Weighings { get; set; } = [];

    public DateTimeOffset PublishedAt { get; set; }

    public static string KeyOf(string frameworkId, int version) => $"{frameworkId}@{version}";

    /// <exception cref="EvaluationRuleException">The tree cannot be weighed (see <see cref="CriteriaTree.Resolve"/>).</exception>
    public static CriteriaFramework Publish(string frameworkId, int version, string kind, string name, List<Criterion> criteria, List<List<double>>? comparisons, DateTimeOffset now)
    {
        var tree = CriteriaTree.Resolve(criteria, comparisons?.Select(r => (IReadOnlyList<double>)r).ToList());
        return new CriteriaFramework
        {
            Id = KeyOf(frameworkId, version), FrameworkId = frameworkId, Version = version, Kind = kind, Name = name,
            Criteria = criteria, Comparisons = comparisons, Leaves = [.. tree.Leaves], Weighings = [.. tree.Weighings], PublishedAt = now,
        };
    }

    /// <summary>Version 1 of a built-in template, which exists without being stored.</summary>
    public static CriteriaFramework? Template(string frameworkId) => FrameworkTemplates.For(frameworkId) is { } criteria
        ? Publish(frameworkId, 1, frameworkId, frameworkId == FrameworkTemplates.Activity ? "Activity evaluation (template)" : "Participant evaluation (template)",
            [.. criteria], null, DateTimeOffset.UnixEpoch)
        : null;
}
