using Marten;
using Platform.Contracts.Evaluation;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Integration.Evaluation;

/// <summary>
/// A published evaluation is the third party's verdict on how each city fulfilled its responsibilities (domain.md §3.3):
/// recorded as a settled commitment whose fulfilment is the composite score on 0–1. A round that failed the reliability
/// gate changes nothing (§4.4: its consequences are not applied).
/// </summary>
public sealed class EvaluationPublishedHandler(ScoreRecalculation scores, TrustClock clock) : IIntegrationEventHandler<EvaluationPublished>
{
    public async Task HandleAsync(EvaluationPublished published, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (!published.Reliable)
        {
            return;
        }

        foreach (var result in published.Results)
        {
            var id = $"evaluation:{published.RoundId}:{result.CityId}";
            if (await session.LoadAsync<Commitment>(id, cancellationToken) is not null)
            {
                continue;
            }

            await Members.RequireAsync(session, result.CityId, cancellationToken);
            var commitment = Commitment.Open(
                id, result.CityId, ["coordinating-body"], CommitmentKind.Evaluation, TrustPolicy.WeightOf(CommitmentKind.Evaluation), VerificationSource.ThirdParty,
                $"Fulfil its responsibilities ({published.Kind} evaluation, {published.Period})", published.PublishedAt, published.PublishedAt, published.RoundId.ToString());
            var fulfilment = (double)Math.Clamp(result.CompositeScore / 100m, 0m, 1m);
            commitment.Settle(fulfilment, published.PublishedAt, $"Composite score {result.CompositeScore} ({result.Grade}).", envelope.MessageId.ToString());
            session.Store(commitment);
            await scores.RecomputeAsync(session, result.CityId, clock.Now, "evaluation published", cancellationToken);
        }
    }
}
