using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Domain.Allocation;
using CostSharing.Api.Domain.Incidents;
using CostSharing.Api.Domain.Members;
using CostSharing.Api.Features.Shared;
using CostSharing.Api.Integration;
using Marten;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Incidents;

/// <summary>
/// The coordinating body opens an incident under the agreement's active version, which it keeps for good;
/// the community learns of it by <c>IncidentOpened</c>, and trust-score of each origin city's reporting against its
/// deadline by <c>OriginReportRecorded</c>.
/// </summary>
public static class OpenIncident
{
    public static async Task<IResult> HandleAsync(
        OpenIncidentRequest request, IDocumentSession session, EventOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var validation = request.Validate(now);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var agreement = await session.LoadAsync<Agreement>(request.AgreementId!, cancellationToken);
        if (agreement is null)
        {
            return Problems.Unprocessable("Unknown agreement", $"No agreement '{request.AgreementId}'.");
        }

        var terms = agreement.Active.Terms;
        if (!terms.Rules.TryGetValue(request.Category!, out var rule))
        {
            return Problems.Unprocessable("No rule for the category", $"Agreement '{agreement.Id}' v{agreement.ActiveVersion} sets no allocation rule for '{request.Category}'.");
        }

        var participants = request.ToParticipants();
        if (await UnknownCitiesAsync(session, participants, terms, agreement, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var inputProblems = RuleInputs.Check(rule, participants.Select(p => p.ToParty()).ToList());
        if (inputProblems.Count > 0)
        {
            return Problems.Unprocessable("Inputs missing for the rule", $"{RuleNames.Describe(rule)}: {string.Join(" ", inputProblems)}");
        }

        var incident = Incident.Open(
            new IncidentDetails(agreement.Id, agreement.ActiveVersion, request.Category!, request.Scenario!, request.Title!.Trim(), request.Description, request.OccurredAt!.Value, participants),
            now);
        incident.Currency = agreement.Currency;
        incident.Reporting = [.. ReportingCheck.For(terms, incident.Category, incident.OccurredAt, incident.Participants.Where(p => p.Side == Side.Origin))];
        session.Insert(incident);
        outbox.Enqueue(session, incident.Id.ToString(), incident.ToOpened(rule));
        foreach (var report in incident.ToOriginReports())
        {
            outbox.Enqueue(session, incident.Id.ToString(), report);
        }

        await session.SaveChangesAsync(cancellationToken);
        return Results.Created($"{CostSharingModule.RoutePrefix}/incidents/{incident.Id}", IncidentResponse.From(incident));
    }

    private static async Task<IResult?> UnknownCitiesAsync(
        IQuerySession session, IReadOnlyList<Participant> participants, AgreementTerms terms, Agreement agreement, CancellationToken cancellationToken)
    {
        var ids = participants.Select(p => p.CityId).ToList();
        var registered = (await session.LoadManyAsync<MemberCity>(cancellationToken, ids)).Select(m => m.CityId).ToHashSet(StringComparer.Ordinal);
        var unregistered = ids.Where(id => !registered.Contains(id)).ToList();
        if (unregistered.Count > 0)
        {
            return Problems.Unprocessable("Unknown cities", $"Not registered as member cities: {string.Join(", ", unregistered)}.");
        }

        var outside = ids.Except(terms.Members, StringComparer.Ordinal).ToList();
        return outside.Count > 0
            ? Problems.Unprocessable("Not parties to the agreement", $"Not members of agreement '{agreement.Id}' v{agreement.ActiveVersion}: {string.Join(", ", outside)}.")
            : null;
    }
}
