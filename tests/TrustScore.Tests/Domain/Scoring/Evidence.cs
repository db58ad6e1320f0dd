using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Domain.Scoring;
using TrustScore.Api.Domain.Supervision;

namespace TrustScore.Tests.Domain.Scoring;

/// <summary>Builds a city's evidence for the calculation tests.</summary>
internal sealed class Evidence(string cityId)
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public List<Commitment> Commitments { get; } = [];

    public List<SupervisionFinding> Findings { get; } = [];

    public List<PeerReport> Reports { get; } = [];

    public Dictionary<string, double> Weights { get; } = new(StringComparer.Ordinal);

    public Evidence Kept(int count, double weight = 1, int day = 0, VerificationSource source = VerificationSource.ThirdParty) =>
        Settled(count, weight, 1, day, source);

    public Evidence Broken(int count, double weight = 1, int day = 0) => Settled(count, weight, 0, day, VerificationSource.ThirdParty);

    public Evidence Settled(int count, double weight, double fulfilment, int day, VerificationSource source)
    {
        for (var i = 0; i < count; i++)
        {
            var c = Commitment.Open($"c{Commitments.Count}", cityId, ["fund"], CommitmentKind.Contribution, weight, source, "test", Start.AddDays(day), Start.AddDays(day));
            c.Settle(fulfilment, Start.AddDays(day), "settled");
            Commitments.Add(c);
        }

        return this;
    }

    public Evidence Report(string reporter, double fulfilment, int day = 0, string? about = null)
    {
        Reports.Add(PeerReport.File(Guid.NewGuid(), reporter, about ?? cityId, null, fulfilment, "seen", Start.AddDays(day)));
        return this;
    }

    public Evidence Finding(FindingKind kind, FindingSeverity severity, int day = 0)
    {
        Findings.Add(new SupervisionFinding
        {
            Id = Guid.NewGuid(), CityId = cityId, Kind = kind, Severity = severity, Description = "found", FoundBy = "coordinating-body",
            FoundAt = Start.AddDays(day), RecordedAt = Start.AddDays(day),
        });
        return this;
    }

    public Evidence Weight(string reporter, double weight)
    {
        Weights[reporter] = weight;
        return this;
    }

    public CityEvidence Build() => new(cityId, Commitments, Findings, Reports, Weights);
}
