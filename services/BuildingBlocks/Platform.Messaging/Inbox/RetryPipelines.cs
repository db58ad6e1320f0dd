using JasperFx;
using JasperFx.Events;
using Polly;
using Polly.Retry;

namespace Platform.Messaging.Inbox;

/// <summary>
/// How a failed attempt to apply a message is retried. Three kinds of failure, three answers: an infrastructure outage is
/// retried without end (a good message is never dead-lettered because the database restarted); a version conflict on a
/// read model (another replica wrote the same document) is retried at once with a fresh load and does not use up the
/// message's attempts; anything else is the message's own failure, retried <c>HandlerMaxAttempts</c> times. A handler's
/// "not yet" (<see cref="MessageNotReadyException"/>) is not retried here at all: the message is parked.
/// </summary>
internal static class RetryPipelines
{
    public const int ConflictRetries = 20;

    public static ResiliencePipeline ForInfrastructure(MessagingOptions settings) =>
        new ResiliencePipelineBuilder().AddRetry(Infrastructure(settings)).Build();

    public static ResiliencePipeline ForHandlers(MessagingOptions settings) =>
        new ResiliencePipelineBuilder()
            .AddRetry(Infrastructure(settings))
            .AddRetry(new RetryStrategyOptions
            {
                Name = "handler",
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e =>
                    !TransientFailures.IsTransient(e) && NotReady(e) is null && e is not OperationCanceledException),
                MaxRetryAttempts = Math.Max(0, settings.HandlerMaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                Delay = settings.HandlerRetryBaseDelay,
                UseJitter = true,
            })
            .AddRetry(new RetryStrategyOptions
            {
                Name = "version-conflict",
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsVersionConflict),
                MaxRetryAttempts = ConflictRetries,
                BackoffType = DelayBackoffType.Linear,
                Delay = TimeSpan.FromMilliseconds(5),
                MaxDelay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
            })
            .Build();

    /// <summary>The handler's "not yet", wherever it sits in the exception chain.</summary>
    public static MessageNotReadyException? NotReady(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is MessageNotReadyException notReady)
            {
                return notReady;
            }
        }

        return null;
    }

    /// <summary>Optimistic concurrency lost to a concurrent writer: a fresh load and a new attempt will see its write.</summary>
    public static bool IsVersionConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException or DocumentAlreadyExistsException)
            {
                return true;
            }
        }

        return false;
    }

    private static RetryStrategyOptions Infrastructure(MessagingOptions settings) => new()
    {
        Name = "infrastructure",
        ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient),
        MaxRetryAttempts = int.MaxValue,
        BackoffType = DelayBackoffType.Exponential,
        Delay = settings.HandlerRetryBaseDelay,
        MaxDelay = TimeSpan.FromSeconds(30),
        UseJitter = true,
    };
}
