using CompensationFund.Api.Domain.Ledger;
using Marten;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>Many entries at once, each folded from its stream: what statements and the reconciliation explain postings with.</summary>
public static class EntryCatalog
{
    public static async Task<IReadOnlyDictionary<Guid, JournalEntry>> LoadAsync(IQuerySession session, IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, JournalEntry>();
        foreach (var chunk in entryIds.Distinct().Chunk(500))
        {
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => chunk.Contains(e.StreamId))
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
            foreach (var stream in events.GroupBy(e => e.StreamId))
            {
                result[stream.Key] = JournalEntry.Fold([.. stream.Select(e => e.Data)]);
            }
        }

        return result;
    }
}
