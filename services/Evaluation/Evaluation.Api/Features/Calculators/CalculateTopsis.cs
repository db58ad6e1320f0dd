using Evaluation.Api.Domain.Scoring;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Calculators;

public sealed record TopsisRequest(List<string>? Alternatives, List<double>? Weights, List<bool>? Benefit, List<List<double>>? Matrix)
{
    public const int MaximumAlternatives = 1_000;
    public const int MaximumCriteria = 100;

    public RequestValidation Validate()
    {
        var validation = new RequestValidation();
        var alternatives = Alternatives ?? [];
        var weights = Weights ?? [];
        validation.Require(alternatives.Count is > 0 and <= MaximumAlternatives, "alternatives", $"'alternatives' names 1 to {MaximumAlternatives} alternatives.");
        validation.Require(alternatives.All(a => !string.IsNullOrWhiteSpace(a) && a.Length <= 200), "alternatives", "Each alternative needs a name of at most 200 characters.");
        validation.Require(alternatives.Distinct(StringComparer.Ordinal).Count() == alternatives.Count, "alternatives", "Each alternative is named once.");
        validation.Require(weights.Count is > 0 and <= MaximumCriteria, "weights", $"'weights' gives 1 to {MaximumCriteria} criterion weights.");
        validation.Require(weights.All(w => double.IsFinite(w) && w >= 0) && weights.Any(w => w > 0), "weights", "Weights are non-negative and at least one is positive.");
        validation.Require(Benefit is not null && Benefit.Count == weights.Count, "benefit", "'benefit' says for each criterion whether more is better (true) or a cost (false).");
        if (Matrix is null || Matrix.Count != alternatives.Count)
        {
            validation.Add("matrix", "'matrix' has one row per alternative.");
            return validation;
        }

        for (var i = 0; i < Matrix.Count; i++)
        {
            validation.Require(Matrix[i] is { } row && row.Count == weights.Count, $"matrix[{i}]", "Each row has one value per criterion.");
            validation.Require(Matrix[i] is null || Matrix[i].All(double.IsFinite), $"matrix[{i}]", "Values are finite numbers.");
        }

        return validation;
    }
}

public sealed record TopsisAlternativeResponse(string Alternative, double Closeness, double DistanceToIdeal, double DistanceToAntiIdeal, int Rank);

/// <param name="Closeness">Per alternative, in the order the request listed them.</param>
/// <param name="Ranking">The alternatives, best first.</param>
public sealed record TopsisResponse(IReadOnlyList<double> Closeness, IReadOnlyList<string> Ranking, IReadOnlyList<TopsisAlternativeResponse> Alternatives);

public static class CalculateTopsis
{
    public static IResult Handle(TopsisRequest request)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var result = Topsis.Rank(request.Alternatives!, request.Weights!, request.Benefit!, [.. request.Matrix!.Select(r => (IReadOnlyList<double>)r)]);
        return Results.Ok(new TopsisResponse(
            [.. result.Select(r => r.Closeness)],
            [.. result.OrderBy(r => r.Rank).Select(r => r.Alternative)],
            [.. result.Select(r => new TopsisAlternativeResponse(r.Alternative, r.Closeness, r.DistanceToIdeal, r.DistanceToAntiIdeal, r.Rank))]));
    }
}
