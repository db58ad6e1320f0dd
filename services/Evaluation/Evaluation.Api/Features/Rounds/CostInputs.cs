using Evaluation.Api.Domain.Incidents;
using Evaluation.Api.Domain.Rounds;
using Marten;

namespace Evaluation.Api.Features.Rounds;

/// <summary>
/// Each city's cost input shown beside its scores (domain.md §3.3: "each city's cost input"), from cost-sharing's
/// allocations: an activity round shows the incident's approved spend; a participant round the sum over allocations
/// finalized within its period. A city without an allocation shows null, not 0: unknown is not "spent nothing".
/// </summary>
public static class CostInputs
{
    public static async Task<IReadOnlyDictionary<string, decimal>> ForRoundAsync(IQuerySession session, EvaluationRound round, CancellationToken cancellationToken)
    {
        if (round.IncidentId is { } incidentId)
        {
            var incident = await session.LoadAsync<EvaluatedIncident>(incidentId, cancellationToken);
            return incident?.CostInputs ?? [];
        }

        if (Period.Parse(round.Period) is not { } period)
        {
            return new Dictionary<string, decimal>();
        }

        var incidents = await session.Query<EvaluatedIncident>()
            .Where(i => i.AllocationFinalizedAt >= period.Start && i.AllocationFinalizedAt < period.End)
            .ToListAsync(cancellationToken);
        return incidents.SelectMany(i => i.CostInputs)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);
    }

    public static RoundResults WithCostInputs(RoundResults results, IReadOnlyDictionary<string, decimal> costs) =>
        results with { Subjects = [.. results.Subjects.Select(s => s with { CostInput = costs.TryGetValue(s.SubjectId, out var c) ? c : null })] };
}
