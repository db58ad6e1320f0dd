using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Errors;

namespace Platform.Messaging.Outbox;

/// <summary>
/// An event too large for the broker is refused (422): <see cref="EventOutbox.Enqueue"/> throws before anything is
/// queued, so the state change it belongs to is not saved either and a smaller request can be sent.
/// </summary>
internal sealed class OutboxExceptionHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    protected override Refusal? Describe(Exception exception) => exception is OutboxMessageTooLargeException tooLarge
        ? new Refusal(StatusCodes.Status422UnprocessableEntity, "Event too large", tooLarge.Message)
        : null;
}
