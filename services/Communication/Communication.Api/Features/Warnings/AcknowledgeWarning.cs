using System.Security.Claims;
using Communication.Api.Domain.Acknowledgements;
using Communication.Api.Domain.Warnings;
using Communication.Api.Infrastructure;
using Marten;
using Platform.Contracts.Communication;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Warnings;

/// <summary>
/// A reached city acknowledges a warning. The first acknowledgement settles its duty on time or late and is published
/// (<c>WarningAcknowledgementRecorded</c>) for trust-score; repeating it changes nothing; a duty already settled as missed stays missed.
/// </summary>
public static class AcknowledgeWarning
{
    public static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, IDocumentSession session, EventOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cityId = user.CityId()!;
        var duty = await session.LoadAsync<AcknowledgementDuty>(AcknowledgementDuty.Key(id, cityId), cancellationToken);
        if (duty is null)
        {
            return await session.LoadAsync<Warning>(id, cancellationToken) is { } warning && WarningAccess.MaySee(user, warning)
                ? Problems.Unprocessable("Nothing to acknowledge", $"Warning {id} sets {cityId} no acknowledgement duty (it issued it, or it is a cancellation).")
                : Problems.NotFound($"No warning {id}.");
        }

        var now = clock.GetUtcNow();
        if (duty.Acknowledge(now))
        {
            session.Store(duty);
            outbox.Enqueue(session, duty.WarningId.ToString(), new WarningAcknowledgementRecorded(duty.WarningId, duty.CityId, duty.Level, duty.DueAt, now, duty.Outcome!));
            await session.SaveChangesAsync(cancellationToken);
            CommunicationMetrics.Acknowledgements.WithLabels(duty.Outcome!).Inc();
            CommunicationMetrics.TimeToAcknowledge.WithLabels(duty.Level).Observe((now - (duty.DueAt - Deadline(duty))).TotalSeconds);
        }

        return Results.Ok(AcknowledgementResponse.From(duty));
    }

    /// <summary>The deadline the duty was given is not stored separately; its level's configured one is close enough for a histogram.</summary>
    private static TimeSpan Deadline(AcknowledgementDuty duty) =>
        WarningLevels.TryParse(duty.Level, out var level) ? AcknowledgementDeadlines.Default.For(level) : TimeSpan.Zero;
}

public sealed record AcknowledgementResponse(Guid WarningId, string CityId, string Level, DateTimeOffset DueAt, DateTimeOffset? AcknowledgedAt, string? Outcome)
{
    public static AcknowledgementResponse From(AcknowledgementDuty d) => new(d.WarningId, d.CityId, d.Level, d.DueAt, d.AcknowledgedAt, d.Outcome ?? "open");
}
