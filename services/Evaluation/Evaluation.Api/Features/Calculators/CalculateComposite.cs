using Evaluation.Api.Domain.Scoring;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Calculators;

/// <param name="Group"><c>third-party</c>, <c>coordinator</c> or <c>self</c>.</param>
/// <param name="Weight">The group's weight; its default (0.6, 0.25, 0.15) when omitted.</param>
/// <param name="Score">0–100, or null when the group gave none (it is then missing).</param>
public sealed record CompositeGroupRequest(string? Group, decimal? Weight, decimal? Score);

/// <summary>A group not listed counts as missing, with its default weight.</summary>
public sealed record CompositeRequest(List<CompositeGroupRequest>? Groups);

public sealed record CompositeResponse(decimal Composite, bool Renormalised, IReadOnlyList<string> MissingGroups, string Grade, IReadOnlyDictionary<string, decimal> Weights);

public static class CalculateComposite
{
    public static IResult Handle(CompositeRequest request)
    {
        var validation = new RequestValidation();
        var groups = request.Groups ?? [];
        validation.Require(groups.Count is > 0 and <= 3, "groups", "'groups' lists 1 to 3 assessor groups.");
        var parsed = new Dictionary<AssessorGroup, CompositeGroupRequest>();
        for (var i = 0; i < groups.Count; i++)
        {
            var item = groups[i];
            if (item is null || !AssessorGroups.TryParse(item.Group, out var group))
            {
                validation.Add($"groups[{i}].group", "'group' is third-party, coordinator or self.");
                continue;
            }

            validation.Require(parsed.TryAdd(group, item), $"groups[{i}].group", $"'{item.Group}' is listed twice.");
            validation.Require(item.Weight is null or (>= 0 and <= 1), $"groups[{i}].weight", "'weight' lies between 0 and 1.");
            validation.Require(item.Score is null or (>= 0 and <= 100), $"groups[{i}].score", "'score' lies between 0 and 100, or is null when the group gave none.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var weight = (AssessorGroup g) => parsed.GetValueOrDefault(g)?.Weight ?? GroupWeights.Default.Of(g);
        var weights = new GroupWeights(weight(AssessorGroup.ThirdParty), weight(AssessorGroup.Coordinator), weight(AssessorGroup.Self));
        foreach (var problem in weights.Problems())
        {
            validation.Add("groups", problem);
        }

        var composite = Composite.Combine([.. AssessorGroups.All.Select(g => new GroupScore(g, weights.Of(g), parsed.GetValueOrDefault(g)?.Score))]);
        validation.Require(composite is not null || !validation.IsValid, "groups", "At least one group with a weight needs a score.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        return Results.Ok(new CompositeResponse(
            composite!.Score, composite.Renormalised, [.. composite.MissingGroups.Select(g => g.Name())], composite.Grade,
            AssessorGroups.All.ToDictionary(g => g.Name(), weights.Of)));
    }
}
