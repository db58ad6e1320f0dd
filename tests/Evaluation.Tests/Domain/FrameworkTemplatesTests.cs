using Evaluation.Api.Domain.Criteria;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>The two built-in frameworks of domain.md §3.3: activity evaluation per incident, participant evaluation per period.</summary>
public sealed class FrameworkTemplatesTests
{
    [Fact]
    public void TheActivityTemplateCoversPlansTimelinessAdequacyAndEfficiency()
    {
        var tree = CriteriaTree.Resolve(FrameworkTemplates.For(FrameworkTemplates.Activity)!, null);

        Assert.Equal(
            ["contingency-plans", "agreements", "prevention-timeliness", "assessment-timeliness", "response-timeliness", "resource-preparation", "information-exchange", "response-efficiency"],
            tree.Leaves.Select(l => l.Id));
        Assert.Equal([0.1, 0.1, 0.1, 0.1, 0.1, 0.125, 0.125, 0.25], tree.Leaves.Select(l => Math.Round(l.Weight, 10)));
    }

    [Fact]
    public void TheParticipantTemplateCoversCoordinationCooperationCostEffectivenessAndResponsibility()
    {
        var tree = CriteriaTree.Resolve(FrameworkTemplates.For(FrameworkTemplates.Participant)!, null);

        Assert.Equal(
            ["coordination", "cooperation-prevention", "cooperation-response", "cooperation-recovery", "cost-input", "effectiveness", "responsibility"],
            tree.Leaves.Select(l => l.Id));
        Assert.Equal([0.2, 0.1, 0.1, 0.1, 0.15, 0.2, 0.15], tree.Leaves.Select(l => Math.Round(l.Weight, 10)));
    }

    [Fact]
    public void AnUnknownTemplateIsNone() => Assert.Null(FrameworkTemplates.For("peer-review"));
}
