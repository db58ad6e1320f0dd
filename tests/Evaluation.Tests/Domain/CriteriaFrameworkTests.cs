using Evaluation.Api.Domain.Criteria;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>A published framework version: its tree, the leaf weights resolved from it, and the built-in templates.</summary>
public sealed class CriteriaFrameworkTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PublishingKeepsTheTreeAndItsResolvedWeightsUnderFrameworkAndVersion()
    {
        List<Criterion> criteria = [Criterion.Leaf("a", "A", 1), Criterion.Leaf("b", "B", 1)];
        List<List<double>> comparisons = [[1, 3], [1 / 3.0, 1]];

        var framework = CriteriaFramework.Publish("flood", 2, "participant", "Flood response", criteria, comparisons, Now);

        Assert.Equal(("flood@2", "flood", 2, "participant", "Flood response", Now), (framework.Id, framework.FrameworkId, framework.Version, framework.Kind, framework.Name, framework.PublishedAt));
        Assert.Same(criteria, framework.Criteria);
        Assert.Same(comparisons, framework.Comparisons);
        Assert.Equal([0.75, 0.25], framework.Leaves.Select(l => Math.Round(l.Weight, 10)));
        Assert.Equal("ahp", Assert.Single(framework.Weighings).Method);
    }

    [Fact]
    public void PublishingWithoutAMatrixUsesTheDirectWeights()
    {
        var framework = CriteriaFramework.Publish("f", 1, "activity", "F", [Criterion.Leaf("a", "A", 1), Criterion.Leaf("b", "B", 3)], null, Now);

        Assert.Equal([0.25, 0.75], framework.Leaves.Select(l => l.Weight));
        Assert.Null(framework.Comparisons);
    }

    [Theory]
    [InlineData(FrameworkTemplates.Activity, "Activity evaluation (template)", 8)]
    [InlineData(FrameworkTemplates.Participant, "Participant evaluation (template)", 7)]
    public void TemplatesAreVersionOneOfTheirOwnKind(string template, string name, int leaves)
    {
        var framework = CriteriaFramework.Template(template)!;

        Assert.Equal(($"{template}@1", template, 1, template, name, DateTimeOffset.UnixEpoch), (framework.Id, framework.FrameworkId, framework.Version, framework.Kind, framework.Name, framework.PublishedAt));
        Assert.Equal(leaves, framework.Leaves.Count);
    }

    [Fact]
    public void AnUnknownTemplateIsNone() => Assert.Null(CriteriaFramework.Template("peer-review"));
}
