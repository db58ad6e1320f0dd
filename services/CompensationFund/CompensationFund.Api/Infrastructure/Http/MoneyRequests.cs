using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Infrastructure.Http;

/// <summary>
/// Every POST that moves money requires an <c>Idempotency-Key</c> (428 without one: a retry after a lost answer
/// must never post twice), and its request is recognised by what it says, not how it was spelled.
/// </summary>
/// <remarks>
/// Implementation note: the key's record keeps the hash of the canonical form of the body the endpoint bound
/// (<see cref="IdempotencyRequestHash.BoundBody"/>: properties lower-cased and sorted, nulls dropped, numbers in their
/// shortest exact form), so a client that re-serialized its retry (other property order, <c>1.5</c> for <c>1.50</c>, an
/// explicit <c>null</c>) gets the first answer instead of 422. Bodies the handler reads itself (a bank statement's CSV)
/// are hashed as sent.
/// </remarks>
public static class MoneyRequests
{
    public static RouteHandlerBuilder MovesMoney(this RouteHandlerBuilder endpoint, IdempotencyGuard guard = IdempotencyGuard.Lock) =>
        endpoint.AddEndpointFilter<RequireIdempotencyKey>().WithIdempotencyKey(guard, IdempotencyRequestHash.BoundBody)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private sealed class RequireIdempotencyKey : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            if (context.HttpContext.Request.Headers[IdempotencyKeys.HeaderName].ToString().Length == 0)
            {
                return Problems.PreconditionRequired(
                    $"This request moves money: send an {IdempotencyKeys.HeaderName} header (a new unique value per request, the same one on a retry).");
            }

            return await next(context);
        }
    }
}
