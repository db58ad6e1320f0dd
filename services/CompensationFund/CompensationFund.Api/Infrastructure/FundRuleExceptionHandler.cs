using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Infrastructure.Ledger;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Infrastructure;

/// <summary>
/// A refused rule of the fund is a 422 (a conflict with the current state a 409) and an unknown id a 404 on every verb,
/// as RFC 9457 problem details with the reason (architecture.md §5). Nothing was written: the transaction rolled back.
/// </summary>
internal sealed class FundRuleExceptionHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    protected override Refusal? Describe(Exception exception) => exception switch
    {
        FundRuleException rule => Refusal.Rule(rule.Title, rule.Message, rule.IsConflict),
        RecordNotFoundException missing => Refusal.NotFound(missing.Message),
        _ => null,
    };
}
