namespace Evaluation.Api.Domain.Rounds;

/// <summary>open → closed → published; each step refuses to run from the wrong state, with the reason.</summary>
public sealed partial class EvaluationRound
{
    /// <summary>Assessments are taken and edited while the round is open and its deadline has not passed.</summary>
    public void RequireOpenForAssessments(DateTimeOffset now)
    {
        if (Status != RoundStatus.Open)
        {
            throw new EvaluationRuleException("Round closed", $"Round {Id} is {StatusName(Status)}; assessments are taken and edited only while it is open.", conflict: true);
        }

        if (now > Deadline)
        {
            throw new EvaluationRuleException("Deadline passed", $"The deadline of round {Id} passed at {Deadline:O}; assessments are no longer taken or edited.", conflict: true);
        }
    }

    public void AssignEvaluators(IReadOnlyList<EvaluatorAssignment> evaluators)
    {
        Require(RoundStatus.Open, "have its evaluators assigned");
        Evaluators = [.. evaluators];
    }

    public void Close(DateTimeOffset now)
    {
        Require(RoundStatus.Open, "be closed");
        Status = RoundStatus.Closed;
        ClosedAt = now;
    }

    /// <summary>Fixes the results and the good practice published with them; never again (immutable once published).</summary>
    public void Publish(RoundResults results, IReadOnlyList<GoodPractice> goodPractices, DateTimeOffset now)
    {
        if (Status == RoundStatus.Published)
        {
            throw new EvaluationRuleException("Already published", $"Round {Id} was published at {PublishedAt:O}; published results are immutable.", conflict: true);
        }

        Require(RoundStatus.Closed, "be published");
        Status = RoundStatus.Published;
        PublishedAt = now;
        Results = results;
        GoodPractices = [.. goodPractices];
    }

    public static string StatusName(RoundStatus status) => status.ToString().ToLowerInvariant();

    private void Require(RoundStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new EvaluationRuleException(
                "Wrong round state", $"Round {Id} is {StatusName(Status)}; only a round that is {StatusName(expected)} may {action}.", conflict: true);
        }
    }
}
