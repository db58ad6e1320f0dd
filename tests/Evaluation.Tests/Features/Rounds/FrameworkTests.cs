using System.Net;
using Evaluation.Tests.Support;
using Xunit;

namespace Evaluation.Tests.Features.Rounds;

/// <summary>Versioned criteria frameworks: direct or AHP weights, inconsistent matrices refused with their CR.</summary>
public sealed class FrameworkTests(EvaluationFixture evaluation) : IClassFixture<EvaluationFixture>
{
    [Fact]
    public async Task FrameworkWithAhpWeightsIsVersionedAndAnInconsistentOneRefused()
    {
        using var coordinator = evaluation.Coordinator();
        object Framework(double[][] matrix) => new
        {
            frameworkId = "flood-activity", kind = "activity", name = "Flood response",
            criteria = new[] { new { id = "speed", name = "Speed" }, new { id = "reach", name = "Reach" }, new { id = "cost", name = "Cost" } },
            comparisons = matrix,
        };

        var v1 = await (await coordinator.PostAsync("/api/evaluation/frameworks", Framework([[1, 3, 5], [1 / 3.0, 1, 3], [0.2, 1 / 3.0, 1]]))).JsonAsync(HttpStatusCode.Created);
        var v2 = await (await coordinator.PostAsync("/api/evaluation/frameworks", Framework([[1, 1, 1], [1, 1, 1], [1, 1, 1]]))).JsonAsync(HttpStatusCode.Created);
        var refused = await (await coordinator.PostAsync("/api/evaluation/frameworks", Framework([[1, 5, 0.2], [0.2, 1, 5], [5, 0.2, 1]]))).JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([0.637, 0.258, 0.105], v1.GetProperty("leaves").EnumerateArray().Select(l => Math.Round(l.GetProperty("weight").GetDouble(), 3)));
        Assert.Equal((1, 2), (v1.GetProperty("version").GetInt32(), v2.GetProperty("version").GetInt32()));
        Assert.Contains("CR = ", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var first = await (await coordinator.GetAsync("/api/evaluation/frameworks/flood-activity?version=1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0.637, Math.Round(first.GetProperty("leaves")[0].GetProperty("weight").GetDouble(), 3));
        var list = await (await coordinator.GetAsync("/api/evaluation/frameworks")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["activity", "flood-activity", "participant"], list.EnumerateArray().Select(f => f.GetProperty("frameworkId").GetString()));
    }
}
