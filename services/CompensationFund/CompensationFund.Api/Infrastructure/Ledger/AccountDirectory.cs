using System.Collections.Concurrent;
using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using Marten;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// The accounts an entry may touch, checked before it is queued: every account exists and keeps the entry's
/// currency. Accounts are never deleted or re-typed, so a found account is cached for the life of the process.
/// </summary>
public sealed class AccountDirectory(IDocumentStore store)
{
    private readonly ConcurrentDictionary<string, LedgerAccount> _known = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, LedgerAccount>> RequireAsync(
        IEnumerable<string> accountIds, string currency, CancellationToken cancellationToken)
    {
        var ids = accountIds.Distinct(StringComparer.Ordinal).ToList();
        var missing = ids.Where(id => !_known.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            await using var session = store.QuerySession();
            foreach (var account in await session.LoadManyAsync<LedgerAccount>(cancellationToken, missing))
            {
                _known[account.Id] = account;
            }
        }

        var unknown = ids.Where(id => !_known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new FundRuleException("Unknown account", $"The ledger has no account {string.Join(", ", unknown.Select(u => $"'{u}'"))}.");
        }

        var foreign = ids.Where(id => !string.Equals(_known[id].Currency, currency, StringComparison.Ordinal)).ToList();
        if (foreign.Count > 0)
        {
            throw new FundRuleException("Currency mismatch", $"The entry is in {currency}, but {string.Join(", ", foreign)} keep(s) {_known[foreign[0]].Currency}; an entry has one currency.");
        }

        return ids.ToDictionary(id => id, id => _known[id], StringComparer.Ordinal);
    }
}
