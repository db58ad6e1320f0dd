using CompensationFund.Api.Domain.Accounts;
using Marten;

namespace CompensationFund.Api.Infrastructure.Ledger;

/// <summary>
/// Opens accounts in a unit of work: the account document and its balance row with the kind's default limit.
/// Opening an account that exists changes nothing (its balance row is never reset).
/// </summary>
public sealed class AccountOpening(LedgerSchema schema)
{
    public void Open(IDocumentSession session, IReadOnlyList<LedgerAccount> accounts)
    {
        if (accounts.Count == 0)
        {
            return;
        }

        foreach (var account in accounts)
        {
            session.Insert(account);
        }

        session.QueueSqlCommand(
            $"""
            insert into {schema.Balances} (account_id, normal_side, floor_fen, ceiling_fen)
            select * from unnest(?::text[], ?::smallint[], ?::bigint[], ?::bigint[])
            on conflict (account_id) do nothing
            """,
            accounts.Select(a => a.Id).ToArray(),
            accounts.Select(a => a.NormalSide == NormalSide.Debit ? (short)1 : (short)-1).ToArray(),
            accounts.Select(a => a.Kind.DefaultLimit().Floor).ToArray(),
            accounts.Select(a => a.Kind.DefaultLimit().Ceiling).ToArray());
    }
}
