using TrustScore.Api.Domain.Scoring;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Api.Features.Supervision;

public sealed record FindingResponse(
    Guid Id, string CityId, string Kind, string Severity, double Weight, bool ForcesTierD, string Description, string? CommitmentId, string FoundBy,
    DateTimeOffset FoundAt, DateTimeOffset RecordedAt, DateTimeOffset? WithdrawnAt, string? WithdrawnBecause, DateTimeOffset? RemediedAt, string? Remedy)
{
    public static FindingResponse From(SupervisionFinding f) => new(
        f.Id, f.CityId, TrustCalculation.Name(f.Kind), TrustCalculation.Name(f.Severity), f.Weight, f.ForcesTierD, f.Description, f.CommitmentId, f.FoundBy,
        f.FoundAt, f.RecordedAt, f.WithdrawnAt, f.WithdrawnBecause, f.RemediedAt, f.Remedy);
}

/// <summary>A peer report; <see cref="Reporter"/> is null unless the reader is the reporter, the coordinating body or the auditor.</summary>
public sealed record PeerReportResponse(
    Guid Id, string? Reporter, string SubjectCityId, string? CommitmentId, double Fulfilment, string Comment, DateTimeOffset FiledAt,
    DateTimeOffset? StruckAt, string? StruckBecause)
{
    public static PeerReportResponse From(PeerReport p, bool showReporter) => new(
        p.Id, showReporter ? p.ReporterCityId : null, p.SubjectCityId, p.CommitmentId, p.Fulfilment, p.Comment, p.FiledAt, p.StruckAt, p.StruckBecause);
}

public sealed record AppealResponse(
    Guid Id, string CityId, string EvidenceKind, string EvidenceId, string Grounds, DateTimeOffset FiledAt, string Status, string? Decision, DateTimeOffset? DecidedAt)
{
    public static AppealResponse From(Appeal a) => new(
        a.Id, a.CityId, TrustCalculation.Name(a.EvidenceKind), a.EvidenceId, a.Grounds, a.FiledAt, TrustCalculation.Name(a.Status), a.Decision, a.DecidedAt);
}

/// <summary>All supervision of one city: findings about it, reports about it, its appeals.</summary>
public sealed record SupervisionRecordResponse(
    string CityId, IReadOnlyList<FindingResponse> Findings, IReadOnlyList<PeerReportResponse> PeerReports, IReadOnlyList<AppealResponse> Appeals);

/// <summary>Enumerations on the wire are kebab-case (<c>late-report</c>, <c>peer-report</c>).</summary>
public static class Kebab
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return text is not null && !int.TryParse(text, out _)
            && Enum.TryParse(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>For input already validated with <see cref="TryParse{T}"/>.</summary>
    public static T Parse<T>(string? text)
        where T : struct, Enum => TryParse<T>(text, out var value) ? value : throw new ArgumentException($"'{text}' is not one of {Values<T>()}.", nameof(text));

    public static string Values<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => TrustCalculation.Name(v)));
}
