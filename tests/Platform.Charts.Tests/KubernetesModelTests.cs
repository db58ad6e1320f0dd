using Platform.Charts.Tests.Rendering;
using Platform.Charts.Tests.Validation;

namespace Platform.Charts.Tests;

public sealed class KubernetesModelTests
{
    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void Every_rendered_object_is_accepted_by_the_Kubernetes_API_models(string scenario)
    {
        var objects = ChartScenario.Named(scenario).Objects();

        Assert.NotEmpty(objects);
        Assert.Empty(objects.SelectMany(KubernetesModels.Problems));
    }

    [Theory]
    [MemberData(nameof(ChartScenario.Names), MemberType = typeof(ChartScenario))]
    public void No_two_objects_of_a_kind_share_a_name(string scenario)
    {
        var duplicates = ChartScenario.Named(scenario).Objects()
            .GroupBy(o => (o.Kind, o.Name))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Kind}/{g.Key.Name}");

        Assert.Empty(duplicates);
    }
}
