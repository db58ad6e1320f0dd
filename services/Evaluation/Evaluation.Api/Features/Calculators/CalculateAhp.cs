using Evaluation.Api.Domain.Ahp;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Calculators;

public sealed record AhpRequest(List<List<double>>? Matrix);

/// <param name="Consistent">CR &lt; 0.1: a round would accept these weights; otherwise it refuses the matrix.</param>
public sealed record AhpResponse(IReadOnlyList<double> Weights, double LambdaMax, double ConsistencyIndex, double ConsistencyRatio, bool Consistent, double RandomIndex);

/// <summary>Weighs a pairwise comparison matrix. An inconsistent matrix is answered (consistent = false), not refused: this only calculates.</summary>
public static class CalculateAhp
{
    public static IResult Handle(AhpRequest request)
    {
        var matrix = request.Matrix?.Select(r => (IReadOnlyList<double>)(r ?? [])).ToList();
        var problems = PairwiseComparison.Problems(matrix);
        if (problems.Count > 0)
        {
            var validation = new RequestValidation();
            foreach (var problem in problems)
            {
                validation.Add("matrix", problem);
            }

            return validation.ToProblem();
        }

        var result = PairwiseComparison.Weigh(matrix!);
        return Results.Ok(new AhpResponse(
            result.Weights, result.LambdaMax, result.ConsistencyIndex, result.ConsistencyRatio, result.Consistent, PairwiseComparison.RandomIndex[matrix!.Count - 1]));
    }
}
