using Marten;
using Platform.ServiceDefaults.Api;

namespace Platform.Persistence;

/// <summary>
/// One page of a list read from the store, with the total the page belongs to (docs/architecture.md §5: lists are
/// paged). Every list endpoint counted, ordered, skipped, took and mapped the same five lines; they ask here instead.
/// </summary>
public static class PagedQuery
{
    /// <param name="query">The documents to list, already filtered; counted as they are, then ordered by <paramref name="order"/>.</param>
    /// <param name="order">A total order, so that pages neither repeat nor skip a document.</param>
    public static async Task<Page<TResult>> ToPageAsync<T, TResult>(
        this IQueryable<T> query, Func<IQueryable<T>, IQueryable<T>> order, PageRequest request, Func<T, TResult> map,
        CancellationToken cancellationToken)
        where T : notnull
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await order(query).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return new Page<TResult>([.. items.Select(map)], request.Number, request.Size, total);
    }
}
