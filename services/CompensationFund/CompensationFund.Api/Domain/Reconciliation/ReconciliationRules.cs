using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Domain.Settlement;

namespace CompensationFund.Api.Domain.Reconciliation;

/// <summary>Something the books and the fund's records disagree on, or a posting that cannot say why it exists.</summary>
public sealed record Discrepancy(string Area, string Subject, string Detail);

/// <summary>
/// The checks of the reconciliation report: every finalized allocation matched city by city by settlement entries
/// of equal amounts with the clearing account netting to zero, every compensation decision matched by its postings, every
/// entry traceable to its source.
/// </summary>
public static class ReconciliationRules
{
    public static IEnumerable<Discrepancy> Allocation(AllocationSettlement record, IReadOnlyDictionary<Guid, JournalEntry> entries)
    {
        if (record.Supersedes is not null && record.EntryId is null)
        {
            yield break;
        }

        var expected = new Dictionary<string, long>(record.EntryId is null ? [] : record.Instructed, StringComparer.Ordinal);
        var postings = new List<Guid>();
        if (record.EntryId is { } entry)
        {
            postings.Add(entry);
        }

        foreach (var adjustment in record.Adjustments)
        {
            foreach (var (city, difference) in adjustment.Differences)
            {
                expected[city] = expected.GetValueOrDefault(city) + difference;
            }

            if (adjustment.EntryId is { } adjusted)
            {
                postings.Add(adjusted);
            }
        }

        var posted = new Dictionary<string, long>(StringComparer.Ordinal);
        long clearing = 0;
        foreach (var id in postings)
        {
            if (!entries.TryGetValue(id, out var e))
            {
                yield return new Discrepancy("allocation", record.Id.ToString(), $"settlement entry {id} is missing from the ledger");
                continue;
            }

            foreach (var line in e.PostedLines)
            {
                var signed = line.Side == LineSide.Debit ? line.Amount : -line.Amount;
                if (line.Account == FundAccounts.Clearing)
                {
                    clearing += signed;
                }
                else if (CityOf(line.Account) is { } city)
                {
                    posted[city] = posted.GetValueOrDefault(city) + signed;
                }
            }
        }

        if (clearing != 0)
        {
            yield return new Discrepancy("allocation", record.Id.ToString(), $"clearing does not net to zero: {Fen.ToYuan(clearing)}");
        }

        foreach (var city in expected.Keys.Union(posted.Keys, StringComparer.Ordinal).Where(c => expected.GetValueOrDefault(c) != posted.GetValueOrDefault(c)))
        {
            yield return new Discrepancy(
                "allocation", record.Id.ToString(), $"{city}: instructions {Fen.ToYuan(expected.GetValueOrDefault(city))}, posted {Fen.ToYuan(posted.GetValueOrDefault(city))}");
        }
    }

    public static IEnumerable<Discrepancy> Compensation(CompensationProposal p, IReadOnlyDictionary<Guid, JournalEntry> entries)
    {
        if (p.Status is not (ProposalStatus.Approved or ProposalStatus.Paid))
        {
            yield break;
        }

        var subject = $"{p.Id} ({p.CityId})";
        long reserved = 0;
        foreach (var id in new[] { p.MainReservation, p.HoldBackReservation }.OfType<Guid>())
        {
            if (entries.GetValueOrDefault(id) is not { } e)
            {
                yield return new Discrepancy("compensation", subject, $"reservation {id} is missing from the ledger");
                continue;
            }

            // A hold-back clawed back is voided (and what is left of it reserved again under a new id): it no longer holds money.
            if (e.Status != EntryStatus.Voided)
            {
                reserved += e.Lines.Where(l => l.Side == LineSide.Debit).Sum(l => l.Amount);
            }
        }

        if (reserved != p.Approved - p.HoldBackClawed)
        {
            yield return new Discrepancy(
                "compensation", subject,
                $"approved {Fen.ToYuan(p.Approved)}, clawed back from the hold-back {Fen.ToYuan(p.HoldBackClawed)}, but reserved {Fen.ToYuan(reserved)}");
        }

        if (p.Paid > p.Payable || p.Payable > p.Approved)
        {
            yield return new Discrepancy("compensation", subject, $"paid {Fen.ToYuan(p.Paid)}, payable {Fen.ToYuan(p.Payable)}, approved {Fen.ToYuan(p.Approved)} are out of order");
        }
    }

    /// <summary>An entry explains itself when its source names a caller, a consumed event, or a rule with its version.</summary>
    public static bool IsTraceable(EntrySource source) => source.Kind switch
    {
        "request" => !string.IsNullOrEmpty(source.RequestedBy),
        "event" => !string.IsNullOrEmpty(source.EventId) && !string.IsNullOrEmpty(source.EventType),
        "rule" => !string.IsNullOrEmpty(source.Rule) && source.RuleVersion is not null,
        _ => false,
    };

    private static string? CityOf(string account)
    {
        var parts = account.Split(':');
        return parts.Length == 3 && parts[0] == "city" && parts[2] is "settlement-receivable" or "settlement-payable" ? parts[1] : null;
    }
}
