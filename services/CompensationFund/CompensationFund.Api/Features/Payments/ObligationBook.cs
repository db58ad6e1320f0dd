using CompensationFund.Api.Domain.Contributions;
using Marten;

namespace CompensationFund.Api.Features.Payments;

/// <summary>
/// The obligations one unit of work reads and changes, each loaded once, so two payments by one city in one bank
/// statement see each other's effect. Obligation documents use optimistic concurrency: a payment racing another on the
/// same obligation fails whole (409) instead of losing an update.
/// </summary>
public sealed class ObligationBook(IDocumentSession session)
{
    private readonly Dictionary<string, List<Obligation>> _byCity = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Obligation>> OpenAsync(string cityId, CancellationToken cancellationToken)
    {
        if (!_byCity.TryGetValue(cityId, out var open))
        {
            open = [.. await session.Query<Obligation>().Where(o => o.CityId == cityId && o.Amount > 0).ToListAsync(cancellationToken)];
            _byCity[cityId] = open;
        }

        return [.. open.Where(o => o.Outstanding > 0)];
    }

    /// <summary>The penalty obligations charged on <paramref name="contribution"/>, from the same loaded set the payment changes.</summary>
    public async Task<IReadOnlyList<Obligation>> PenaltiesOnAsync(Obligation contribution, CancellationToken cancellationToken)
    {
        await OpenAsync(contribution.CityId, cancellationToken);
        return [.. _byCity[contribution.CityId].Where(o => o.Kind == ObligationKind.Penalty && o.SourceId == contribution.Id)];
    }

    /// <summary>Which of <paramref name="codes"/> are obligation codes, and the city owing each: one query for a whole statement.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OwnersAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var found = codes.Count == 0 ? [] : await session.Query<Obligation>().Where(o => codes.Contains(o.Code)).ToListAsync(cancellationToken);
        return found.ToDictionary(o => o.Code, o => o.CityId, StringComparer.Ordinal);
    }

    public void Store(Obligation obligation) => session.Store(obligation);
}
