using Evaluation.Api.Domain.Rounds;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Assessments;

/// <param name="Scores">0–100 for every leaf criterion of the round, by criterion id.</param>
/// <param name="Comments">Free text by criterion id, or under <c>general</c>.</param>
/// <param name="EvidenceRefs">References to the evidence (documents, records) behind the scores.</param>
public sealed record AssessmentRequest(string? SubjectId, Dictionary<string, decimal>? Scores, Dictionary<string, string>? Comments, List<string>? EvidenceRefs)
{
    public const string GeneralComment = "general";
    public const int MaximumEvidence = 50;

    /// <summary>Every leaf scored once, in range, nothing unknown: a partial or stray sheet is refused whole.</summary>
    public RequestValidation Validate(EvaluationRound round)
    {
        var validation = new RequestValidation();
        var criteria = round.Criteria.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var scores = Scores ?? [];
        foreach (var (criterion, score) in scores)
        {
            if (!criteria.Contains(criterion))
            {
                validation.Add($"scores.{criterion}", $"'{criterion}' is not a criterion of this round.");
            }
            else if (score is < Assessment.MinimumScore or > Assessment.MaximumScore)
            {
                validation.Add($"scores.{criterion}", $"Scores lie between {Assessment.MinimumScore} and {Assessment.MaximumScore}; got {score}.");
            }
        }

        var missing = criteria.Where(c => !scores.ContainsKey(c)).ToList();
        validation.Require(missing.Count == 0, "scores", $"Every criterion is scored; missing: {string.Join(", ", missing)}.");
        foreach (var (key, text) in Comments ?? [])
        {
            validation.Require(key == GeneralComment || criteria.Contains(key), $"comments.{key}", $"'{key}' is not a criterion of this round (or '{GeneralComment}').")
                .Require(text is null || text.Length <= 4000, $"comments.{key}", "Comments are at most 4000 characters.");
        }

        var evidence = EvidenceRefs ?? [];
        validation.Require(evidence.Count <= MaximumEvidence, "evidenceRefs", $"At most {MaximumEvidence} evidence references.")
            .Require(evidence.All(e => !string.IsNullOrWhiteSpace(e) && e.Length <= 500), "evidenceRefs", "Each evidence reference is 1–500 characters.");
        return validation;
    }

    public AssessmentContent ToContent() => new(
        Scores ?? [], (Comments ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal), EvidenceRefs ?? []);
}

public sealed record AssessmentResponse(
    Guid Id, Guid RoundId, string SubjectId, string Group, string AssessorId, IReadOnlyDictionary<string, decimal> Scores,
    IReadOnlyDictionary<string, string> Comments, IReadOnlyList<string> EvidenceRefs, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, int Revision)
{
    public static AssessmentResponse From(Assessment a) => new(
        a.Id, a.RoundId, a.SubjectId, Domain.Scoring.AssessorGroups.Name(a.Group), a.AssessorId, a.Scores, a.Comments, a.EvidenceRefs, a.SubmittedAt, a.UpdatedAt, a.Revision);
}
