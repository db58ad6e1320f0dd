using System.Net;
using Evaluation.Tests.Support;
using Platform.ServiceDefaults.Security;
using Xunit;

namespace Evaluation.Tests.Features.Calculators;

/// <summary>The three calculators over HTTP, for any role, with field errors for bad input.</summary>
public sealed class CalculatorTests(EvaluationFixture evaluation) : IClassFixture<EvaluationFixture>
{
    [Fact]
    public async Task AhpCalculatorAnswersTheDomainExample()
    {
        using var auditor = evaluation.As(PlatformRoles.Auditor);

        var body = await (await auditor.PostAsync("/api/evaluation/calculators/ahp", new { matrix = new[] { new[] { 1.0, 3, 5 }, new[] { 1 / 3.0, 1, 3 }, new[] { 0.2, 1 / 3.0, 1 } } }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal([0.637, 0.258, 0.105], body.GetProperty("weights").EnumerateArray().Select(w => Math.Round(w.GetDouble(), 3)));
        Assert.Equal(3.039, Math.Round(body.GetProperty("lambdaMax").GetDouble(), 3));
        Assert.Equal(0.019, Math.Round(body.GetProperty("consistencyIndex").GetDouble(), 3));
        Assert.Equal(0.033, Math.Round(body.GetProperty("consistencyRatio").GetDouble(), 3));
        Assert.True(body.GetProperty("consistent").GetBoolean());
    }

    [Fact]
    public async Task AhpCalculatorReportsAnInconsistentMatrixAndRefusesAMalformedOne()
    {
        using var city = evaluation.City("anyone");

        var inconsistent = await (await city.PostAsync("/api/evaluation/calculators/ahp", new { matrix = new[] { new[] { 1, 5, 0.2 }, new[] { 0.2, 1, 5 }, new[] { 5, 0.2, 1 } } }))
            .JsonAsync(HttpStatusCode.OK);
        var malformed = await (await city.PostAsync("/api/evaluation/calculators/ahp", new { matrix = new[] { new[] { 1.0, 3 }, new[] { 3.0, 1 } } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var missing = await (await city.PostAsync("/api/evaluation/calculators/ahp", new { })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.False(inconsistent.GetProperty("consistent").GetBoolean());
        Assert.True(inconsistent.GetProperty("consistencyRatio").GetDouble() >= 0.1);
        Assert.Contains("reciprocal", malformed.GetProperty("errors").GetProperty("matrix")[0].GetString(), StringComparison.Ordinal);
        Assert.True(missing.GetProperty("errors").TryGetProperty("matrix", out _));
    }

    [Fact]
    public async Task TopsisCalculatorRanksHwangAndYoonsAircraft()
    {
        using var evaluator = evaluation.Evaluator("tsinghua-cpp");

        var body = await (await evaluator.PostAsync("/api/evaluation/calculators/topsis", new
        {
            alternatives = new[] { "A1", "A2", "A3", "A4" },
            weights = new[] { 0.2, 0.1, 0.1, 0.1, 0.2, 0.3 },
            benefit = new[] { true, true, true, false, true, true },
            matrix = new[]
            {
                new[] { 2.0, 1500, 20000, 5.5, 5, 9 }, new[] { 2.5, 2700, 18000, 6.5, 3, 5 },
                new[] { 1.8, 2000, 21000, 4.5, 7, 7 }, new[] { 2.2, 1800, 20000, 5.0, 5, 5 },
            },
        })).JsonAsync(HttpStatusCode.OK);

        Assert.All(body.GetProperty("closeness").EnumerateArray().Zip([0.643, 0.268, 0.613, 0.312]), x => Assert.Equal(x.Second, x.First.GetDouble(), 0.001));
        Assert.Equal(["A1", "A3", "A4", "A2"], body.GetProperty("ranking").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(4, body.GetProperty("alternatives")[1].GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task TopsisCalculatorRefusesMismatchedShapesWithFieldErrors()
    {
        using var coordinator = evaluation.Coordinator();

        var body = await (await coordinator.PostAsync("/api/evaluation/calculators/topsis", new
        {
            alternatives = new[] { "x", "x" }, weights = new[] { 1.0, -1 }, benefit = new[] { true }, matrix = new[] { new[] { 1.0, 2 }, new[] { 1.0 } },
        })).JsonAsync(HttpStatusCode.BadRequest);

        var errors = body.GetProperty("errors");
        Assert.All(new[] { "alternatives", "weights", "benefit", "matrix[1]" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
    }

    [Fact]
    public async Task CompositeCalculatorWithAllGroupsAndWithAMissingOne()
    {
        using var finance = evaluation.As(PlatformRoles.Finance);

        var all = await (await finance.PostAsync("/api/evaluation/calculators/composite", new
        {
            groups = new object[] { new { group = "third-party", score = 80 }, new { group = "coordinator", score = 90 }, new { group = "self", score = 100 } },
        })).JsonAsync(HttpStatusCode.OK);
        var missing = await (await finance.PostAsync("/api/evaluation/calculators/composite", new
        {
            groups = new object[] { new { group = "third-party", weight = 0.6, score = 80 }, new { group = "coordinator", weight = 0.25, score = 90 }, new { group = "self", weight = 0.15, score = (decimal?)null } },
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((85.5m, false, "良"), (all.GetProperty("composite").GetDecimal(), all.GetProperty("renormalised").GetBoolean(), all.GetProperty("grade").GetString()));
        Assert.Empty(all.GetProperty("missingGroups").EnumerateArray());
        Assert.Equal((82.94m, true, "良"), (missing.GetProperty("composite").GetDecimal(), missing.GetProperty("renormalised").GetBoolean(), missing.GetProperty("grade").GetString()));
        Assert.Equal(["self"], missing.GetProperty("missingGroups").EnumerateArray().Select(g => g.GetString()));
    }

    [Theory]
    [InlineData("""{"groups":[{"group":"peer","score":50}]}""", "groups[0].group")]
    [InlineData("""{"groups":[{"group":"self","score":101}]}""", "groups[0].score")]
    [InlineData("""{"groups":[{"group":"third-party","weight":0.2,"score":50},{"group":"coordinator","weight":0.6,"score":50},{"group":"self","weight":0.2,"score":50}]}""", "groups")]
    [InlineData("""{"groups":[{"group":"third-party","score":null}]}""", "groups")]
    [InlineData("""{"groups":[]}""", "groups")]
    public async Task CompositeCalculatorRefusesBadInputWithFieldErrors(string json, string field)
    {
        using var coordinator = evaluation.Coordinator();

        var response = await coordinator.PostAsync("/api/evaluation/calculators/composite", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var body = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }
}
