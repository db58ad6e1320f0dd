namespace Evaluation.Api.Domain.Scoring;

/// <summary>The money one grade earns (a reward) or costs (a penalty), in yuan exact to the fen.</summary>
public sealed record GradeIncentive(decimal Reward, decimal Penalty);

/// <summary>
/// The round's incentive schedule (奖惩结合, domain.md §3.3): rewards and penalties by grade, paid or charged by the fund.
/// Amounts are decimal yuan, never negative, at most two decimals; a grade not in the schedule earns and costs nothing.
/// </summary>
public sealed record IncentiveSchedule(IReadOnlyDictionary<string, GradeIncentive> ByGrade)
{
    /// <summary>
    /// The default when a round names none: an excellent city is rewarded, a poor one penalised, the others neither.
    /// A community sets its own amounts per round; these only make a round without one meaningful.
    /// </summary>
    public static IncentiveSchedule Default { get; } = new(new Dictionary<string, GradeIncentive>
    {
        [Grade.Excellent] = new(100_000m, 0m),
        [Grade.Good] = new(30_000m, 0m),
        [Grade.Poor] = new(0m, 50_000m),
    });

    public GradeIncentive For(string grade) => ByGrade.GetValueOrDefault(grade) ?? new GradeIncentive(0m, 0m);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (grade, incentive) in ByGrade)
        {
            if (!Grade.All.Contains(grade))
            {
                problems.Add($"'{grade}' is not a grade (优, 良, 中, 差).");
            }

            if (incentive.Reward < 0 || incentive.Penalty < 0 || decimal.Round(incentive.Reward, 2) != incentive.Reward || decimal.Round(incentive.Penalty, 2) != incentive.Penalty)
            {
                problems.Add($"The amounts for {grade} must be non-negative yuan with at most two decimals.");
            }

            if (incentive.Reward > 0 && incentive.Penalty > 0)
            {
                problems.Add($"{grade} cannot both earn a reward and cost a penalty.");
            }
        }

        return problems;
    }
}
