using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Infrastructure;

/// <summary>
/// A refused rule of the fund is a 422 (a conflict with the current state a 409) and an unknown id a 404 on every verb,
/// as RFC 9457 problem details with the reason (architecture.md §5). Nothing was written: the transaction rolled back.
/// </summary>
/// <remarks>
/// Marten reports several optimistic-concurrency failures of one unit of work (a payment or an import touching several
/// obligations another request changed meanwhile) as an <see cref="AggregateException"/> of them, which the store's own
/// handler does not recognise: it is the same conflict, a 409, never a 500. Found by the bank test's concurrent imports.
/// </remarks>
internal sealed class FundRuleExceptionHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    protected override Refusal? Describe(Exception exception) => exception switch
    {
        FundRuleException rule => Refusal.Rule(rule.Title, rule.Message, rule.IsConflict),
        RecordNotFoundException missing => Refusal.NotFound(missing.Message),
        AggregateException { InnerExceptions: { Count: > 0 } inner } when inner.All(e => e is JasperFx.ConcurrencyException) => new Refusal(
            StatusCodes.Status409Conflict, "Conflict", "Records this request changes were changed by someone else meanwhile; nothing was written. Retry."),
        _ => null,
    };
}
