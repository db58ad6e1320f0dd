using JasperFx;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Errors;

namespace Platform.Persistence;

/// <summary>
/// What the store's failures mean to the caller: optimistic-concurrency and duplicate-key failures are conflicts (409),
/// and a database that cannot be reached is a passing outage (503 with <c>Retry-After</c>): the transaction never
/// committed, so retrying the same request, with the same <c>Idempotency-Key</c>, applies it exactly once when the
/// database is back.
/// </summary>
internal sealed class StoreExceptionHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    /// <summary>Long enough for a restarting PostgreSQL or a fail-over, short enough that clients come back soon.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override Refusal? Describe(Exception exception) => exception switch
    {
        ConcurrencyException => new Refusal(
            StatusCodes.Status409Conflict, "Conflict", "The record was changed by someone else; read it again and retry with its current version."),
        DocumentAlreadyExistsException => new Refusal(StatusCodes.Status409Conflict, "Conflict", "A record with this id already exists."),
        _ when DatabaseOutage.IsOutage(exception) => new Refusal(
            StatusCodes.Status503ServiceUnavailable,
            "Database unavailable",
            "The service's database cannot be reached right now; nothing was changed. Retry later with the same Idempotency-Key.",
            RetryAfter),
        _ => null,
    };
}
