using System.Security.Cryptography;
using System.Text;
using Evaluation.Api.Domain.Scoring;

namespace Evaluation.Api.Domain.Rounds;

/// <summary>
/// One assessor's assessment of one subject in a round: a score 0–100 per leaf criterion, comments and evidence
/// references. Editable while the round is open; the id is derived from (round, group, assessor, subject), so an
/// assessor cannot assess the same subject twice.
/// </summary>
public sealed class Assessment
{
    public const decimal MinimumScore = 0m;
    public const decimal MaximumScore = 100m;

    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public string SubjectId { get; set; } = string.Empty;

    public AssessorGroup Group { get; set; }

    /// <summary>The evaluator's id, the city's id, or <see cref="Subject.CoordinatingBodyId"/>.</summary>
    public string AssessorId { get; set; } = string.Empty;

    public Dictionary<string, decimal> Scores { get; set; } = [];

    public Dictionary<string, string> Comments { get; set; } = [];

    public List<string> EvidenceRefs { get; set; } = [];

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Revision { get; set; }

    public static Guid IdFor(Guid roundId, AssessorGroup group, string assessorId, string subjectId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{roundId:N}|{group.Name()}|{assessorId}|{subjectId}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static Assessment Submit(Guid roundId, string subjectId, AssessorGroup group, string assessorId, AssessmentContent content, DateTimeOffset now) => new()
    {
        Id = IdFor(roundId, group, assessorId, subjectId),
        RoundId = roundId,
        SubjectId = subjectId,
        Group = group,
        AssessorId = assessorId,
        Scores = new(content.Scores, StringComparer.Ordinal),
        Comments = new(content.Comments, StringComparer.Ordinal),
        EvidenceRefs = [.. content.EvidenceRefs],
        SubmittedAt = now,
        UpdatedAt = now,
        Revision = 1,
    };

    public void Edit(AssessmentContent content, DateTimeOffset now)
    {
        Scores = new(content.Scores, StringComparer.Ordinal);
        Comments = new(content.Comments, StringComparer.Ordinal);
        EvidenceRefs = [.. content.EvidenceRefs];
        UpdatedAt = now;
        Revision++;
    }

    public ScoreSheet ToSheet() => new(SubjectId, Group, AssessorId, Scores);
}

/// <summary>What an assessor states, already validated against the round's criteria.</summary>
public sealed record AssessmentContent(IReadOnlyDictionary<string, decimal> Scores, IReadOnlyDictionary<string, string> Comments, IReadOnlyList<string> EvidenceRefs);
