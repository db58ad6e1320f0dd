using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Tests.Support;
using CsCheck;

namespace CompensationFund.Tests.Domain;

/// <summary>
/// Ledger invariants over random histories of posts, reservations, partial posts, voids and reversals: money is
/// conserved, pending money is released exactly once, and a reversal undoes its entry.
/// </summary>
public sealed class BalanceSheetTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A history: each step is a new entry (posted or reserved), then a decision on it chosen by <c>choice</c>.</summary>
    private static readonly Gen<List<object>> Histories =
        Gen.Select(LedgerGen.Draft(Today), Gen.Int[0, 5], Gen.Long[1, 1_000_000], (draft, choice, partial) => (draft, choice, partial))
            .List[0, 30]
            .Select(steps => steps.SelectMany(s => Step(s.draft, s.choice, s.partial)).ToList());

    private static IEnumerable<object> Step(EntryDraft draft, int choice, long partial)
    {
        if (choice < 2)
        {
            var posted = draft.Post(Guid.NewGuid(), Now);
            yield return posted;
            if (choice == 1)
            {
                var (reversal, marker) = JournalEntry.Fold([posted]).Reverse(Guid.NewGuid(), "r", Today, Now, draft.Header.Source);
                yield return reversal;
                yield return marker;
            }

            yield break;
        }

        var reserved = draft.Reserve(Guid.NewGuid(), Now, Now.AddDays(1));
        var entry = JournalEntry.Fold([reserved]);
        yield return reserved;
        yield return choice switch
        {
            2 => entry.Post(null, Today, Now, "f"),
            3 when draft.Lines.Count == 2 => entry.Post(Math.Min(partial, draft.Lines[0].Amount), Today, Now, "f"),
            4 => entry.Void("v", Today, Now, "f"),
            _ => entry.Expire(Today, Now.AddDays(2))!,
        };
    }

    [Fact]
    public void DebitsEqualCreditsAcrossTheLedgerAfterAnyHistory() =>
        Histories.Sample(history =>
        {
            var sheet = BalanceSheet.Fold(history);
            Assert.Equal(sheet.Balances.Values.Sum(b => b.DebitsPosted), sheet.Balances.Values.Sum(b => b.CreditsPosted));
            Assert.Equal(sheet.Balances.Values.Sum(b => b.DebitsPending), sheet.Balances.Values.Sum(b => b.CreditsPending));
            Assert.All(sheet.Balances.Values, b => Assert.True(b.CountersAreNonNegative));
        });

    [Fact]
    public void EveryReservationIsReleasedOnceSoNothingStaysPendingAfterDecisions() =>
        Histories.Sample(history =>
            Assert.All(BalanceSheet.Fold(history).Balances.Values, b => Assert.Equal((0, 0), (b.DebitsPending, b.CreditsPending))));

    [Fact]
    public void AReversedEntryLeavesEveryPostedBalanceAsBefore() =>
        LedgerGen.Draft(Today).Sample(draft =>
        {
            var posted = draft.Post(Guid.NewGuid(), Now);
            var (reversal, _) = JournalEntry.Fold([posted]).Reverse(Guid.NewGuid(), "r", Today, Now, draft.Header.Source);
            var sheet = BalanceSheet.Fold([posted, reversal]);
            Assert.All(sheet.Balances.Values, b => Assert.Equal(0, b.Posted(NormalSide.Credit)));
        });

    [Fact]
    public void PostingAReservationInFullEndsWhereAPostInOneStepEnds() =>
        LedgerGen.Draft(Today).Sample(draft =>
        {
            var reserved = draft.Reserve(Guid.NewGuid(), Now, Now.AddDays(1));
            var twoPhase = BalanceSheet.Fold([reserved, JournalEntry.Fold([reserved]).Post(null, Today, Now, "f")]);
            var onePhase = BalanceSheet.Fold([draft.Post(Guid.NewGuid(), Now)]);
            Assert.Empty(twoPhase.CompareWith(onePhase.Balances));
        });

    [Fact]
    public void ComparisonListsEveryAccountThatDiffers()
    {
        var sheet = BalanceSheet.Fold([new EntryDraft(LedgerGen.Header(), Today, [JournalLine.Debit("x", 5), JournalLine.Credit("y", 5)]).Post(Guid.NewGuid(), Now)]);
        var live = new Dictionary<string, AccountBalance> { ["x"] = new(5, 0, 0, 0), ["y"] = new(0, 4, 0, 0), ["z"] = new(1, 0, 0, 0) };

        Assert.Equal(["y", "z"], sheet.CompareWith(live).Select(d => d.Account));
    }

    /// <summary>The rebuild from a closed period's snapshot: a sheet going on from balances folded up to a point ends where folding everything ends.</summary>
    [Fact]
    public void ASheetGoingOnFromASnapshotEndsWhereTheWholeFoldEnds() =>
        Gen.Select(Histories, Gen.Int[0, 100]).Sample((history, percent) =>
        {
            var cut = history.Count * percent / 100;
            var snapshot = BalanceSheet.Fold(history.Take(cut));
            var resumed = new BalanceSheet(snapshot.Balances);
            foreach (var e in history.Skip(cut))
            {
                resumed.Apply(e);
            }

            Assert.Empty(resumed.CompareWith(BalanceSheet.Fold(history).Balances));
            Assert.Empty(snapshot.CompareWith(BalanceSheet.Fold(history.Take(cut)).Balances)); // the snapshot was copied, not moved on
        });
}
