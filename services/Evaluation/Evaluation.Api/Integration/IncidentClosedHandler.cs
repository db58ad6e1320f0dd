using Evaluation.Api.Domain.Criteria;
using Evaluation.Api.Domain.Incidents;
using Platform.MemberDirectory;
using Evaluation.Api.Domain.Rounds;
using Evaluation.Api.Features.Frameworks;
using Evaluation.Api.Features.Rounds;
using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;

namespace Evaluation.Api.Integration;

/// <summary>
/// Cost-sharing closed an incident's joint response: its activity round opens (domain.md §3.3, activity evaluation per
/// incident), with the incident's cities and the coordinating body as subjects and the latest activity framework. The
/// round's id is the incident's, so a redelivery, or a round the coordinating body already opened, changes nothing.
/// </summary>
public sealed class IncidentClosedHandler(TimeProvider clock) : IIntegrationEventHandler<IncidentClosed>
{
    public async Task HandleAsync(IncidentClosed closed, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<EvaluationRound>(closed.IncidentId, cancellationToken) is not null)
        {
            return;
        }

        var incident = await session.LoadAsync<EvaluatedIncident>(closed.IncidentId, cancellationToken)
            ?? throw new MessageNotReadyException($"incident {closed.IncidentId} has not been opened in evaluation yet");
        var framework = await FrameworkCatalog.FindAsync(session, FrameworkTemplates.Activity, null, cancellationToken);
        var names = (await session.LoadManyAsync<MemberCity>(cancellationToken, incident.CityIds)).ToDictionary(m => m.CityId, m => m.Name);
        incident.ResponseClosedAt = closed.ClosedAt;
        session.Store(incident);
        session.Insert(RoundFactory.ForClosedIncident(incident, framework!, names, closed.ClosedAt, clock.GetUtcNow()));
    }
}
